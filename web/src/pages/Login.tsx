// Sign in: the session is an HTTP-only cookie the server sets.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { LOGIN } from '../api/operations.ts';
import { QueryState } from '../components/QueryState.tsx';

export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [state, login] = useMutation(LOGIN);
  return (
    <Card style={{ maxWidth: 380, margin: '12vh auto' }}>
      <Typography.Title level={3}>{t('app.title')}</Typography.Title>
      <Form
        layout="vertical"
        onFinish={async (values: { username: string; password: string }) => {
          const result = await login(values);
          if (!result.error) onSignedIn();
        }}
      >
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {state.error && (
          <div style={{ marginBottom: 16 }}>
            <QueryState fetching={false} error={state.error}>
              {null}
            </QueryState>
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={state.fetching}>
          {t('login.submit')}
        </Button>
      </Form>
    </Card>
  );
}
