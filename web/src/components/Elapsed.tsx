// What long work shows while the server does it: what is being done and the seconds so far (an
// import of thousands of rows or a report with charts takes several seconds; a button that only
// spins says nothing of whether it is still going).
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function Elapsed({ what }: { what: string }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Typography.Text type="secondary" role="status">
      {t('progress.elapsed', { what, seconds })}
    </Typography.Text>
  );
}
