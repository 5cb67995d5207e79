// The dashboard's frame: sign-in when there is no session, otherwise the navigation and the
// pages the viewer's role may see, in the chosen language.
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ComponentType, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { LOGOUT, ME } from './api/operations.ts';
import { QueryState } from './components/QueryState.tsx';
import { initialLanguage, type Language, setLanguage } from './i18n/index.ts';
import { Login } from './pages/Login.tsx';
import { Overview } from './pages/Overview.tsx';
import { ViewerContext } from './viewer.ts';

// Each page is its own chunk, except the landing page: it comes with the application, so that it
// renders and asks for its figures as soon as the session is known (a lazy page waits at least
// React's 300 ms Suspense throttle). The others load when opened.
const Compliance = lazy(() => import('./pages/Compliance.tsx').then((m) => ({ default: m.Compliance })));
const Succession = lazy(() => import('./pages/Succession.tsx').then((m) => ({ default: m.Succession })));
const Roster = lazy(() => import('./pages/Roster.tsx').then((m) => ({ default: m.Roster })));
const Selection = lazy(() => import('./pages/Selection.tsx').then((m) => ({ default: m.Selection })));
const Policy = lazy(() => import('./pages/Policy.tsx').then((m) => ({ default: m.Policy })));
const Ranking = lazy(() => import('./pages/Ranking.tsx').then((m) => ({ default: m.Ranking })));
const Appointments = lazy(() => import('./pages/Appointments.tsx').then((m) => ({ default: m.Appointments })));
const Filings = lazy(() => import('./pages/Filings.tsx').then((m) => ({ default: m.Filings })));
const Meetings = lazy(() => import('./pages/Meetings.tsx').then((m) => ({ default: m.Meetings })));
const Statistics = lazy(() => import('./pages/Statistics.tsx').then((m) => ({ default: m.Statistics })));
const Planning = lazy(() => import('./pages/Planning.tsx').then((m) => ({ default: m.Planning })));

/** A page for the top of the viewer's scope: its own unit, or the tree's root for a whole-tree account. */
// `page` is a component, not a render function: a function made during App's render would be a new
// component type each time, and the page would be remounted (losing its state) on every URL change.
function AtRoot({ root, page: Page }: { root: string | null; page: ComponentType<{ rootUnit: string }> }) {
  return (
    <QueryState fetching={false} empty={!root}>
      <Suspense fallback={<QueryState fetching>{null}</QueryState>}>{root && <Page rootUnit={root} />}</Suspense>
    </QueryState>
  );
}

export function App() {
  const { t } = useTranslation();
  const [language, setLang] = useState<Language>(initialLanguage);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  const [{ data, fetching, error }, refetch] = useQuery({ query: ME, requestPolicy: 'network-only' });
  const [, logout] = useMutation(LOGOUT);
  const navigate = useNavigate();
  const location = useLocation();
  const me = data?.me ?? null;
  const switchLanguage = () => {
    const next: Language = language === 'en' ? 'zh-CN' : 'en';
    setLanguage(next);
    setLang(next);
  };
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      {/* AntApp: the confirmation dialogs live here, above every page, drawer and form. */}
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header className="no-print" style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
              {t('app.title')}
            </Typography.Text>
            {me && (
              <Menu
                theme="dark"
                mode="horizontal"
                style={{ flex: 1, minWidth: 0 }}
                selectedKeys={[location.pathname.split('/')[1] || 'overview']}
                items={[
                  { key: 'overview', label: t('nav.overview'), onClick: () => navigate('/overview') },
                  { key: 'ranking', label: t('nav.ranking'), onClick: () => navigate('/ranking') },
                  { key: 'succession', label: t('nav.succession'), onClick: () => navigate('/succession') },
                  { key: 'compliance', label: t('nav.compliance'), onClick: () => navigate('/compliance') },
                  { key: 'roster', label: t('nav.roster'), onClick: () => navigate('/roster') },
                  { key: 'statistics', label: t('nav.statistics'), onClick: () => navigate('/statistics') },
                  { key: 'selection', label: t('nav.selection'), onClick: () => navigate('/selection') },
                  { key: 'meetings', label: t('nav.meetings'), onClick: () => navigate('/meetings') },
                  { key: 'filings', label: t('nav.filings'), onClick: () => navigate('/filings') },
                  { key: 'appointments', label: t('nav.appointments'), onClick: () => navigate('/appointments') },
                  { key: 'planning', label: t('nav.planning'), onClick: () => navigate('/planning') },
                  { key: 'policy', label: t('nav.policy'), onClick: () => navigate('/policy') },
                ]}
              />
            )}
            <Space style={{ marginLeft: 'auto' }}>
              <Button onClick={switchLanguage}>{t('lang.switch')}</Button>
              {me && (
                <>
                  <Typography.Text style={{ color: '#fff' }}>{me.username}</Typography.Text>
                  <Button
                    onClick={async () => {
                      await logout({});
                      refetch({ requestPolicy: 'network-only' });
                    }}
                  >
                    {t('nav.signOut')}
                  </Button>
                </>
              )}
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <QueryState fetching={fetching && !data} error={error}>
              {!me ? (
                <Login onSignedIn={() => refetch({ requestPolicy: 'network-only' })} />
              ) : (
                <ViewerContext.Provider value={me}>
                  <Routes>
                    <Route path="/overview" element={<AtRoot root={me.scopeRoot} page={Overview} />} />
                    <Route path="/compliance" element={<AtRoot root={me.scopeRoot} page={Compliance} />} />
                    <Route path="/ranking" element={<AtRoot root={me.scopeRoot} page={Ranking} />} />
                    <Route path="/succession" element={<AtRoot root={me.scopeRoot} page={Succession} />} />
                    <Route path="/planning" element={<AtRoot root={me.scopeRoot} page={Planning} />} />
                    <Route path="/roster" element={<AtRoot root={me.scopeRoot} page={Roster} />} />
                    <Route path="/statistics" element={<AtRoot root={me.scopeRoot} page={Statistics} />} />
                    <Route path="/selection" element={<AtRoot root={me.scopeRoot} page={Selection} />} />
                    <Route path="/meetings" element={<AtRoot root={me.scopeRoot} page={Meetings} />} />
                    <Route
                      path="/appointments"
                      element={
                        <Suspense fallback={<QueryState fetching>{null}</QueryState>}>
                          <AtRoot root={me.scopeRoot} page={Appointments} />
                        </Suspense>
                      }
                    />
                    <Route
                      path="/filings"
                      element={
                        <Suspense fallback={<QueryState fetching>{null}</QueryState>}>
                          <Filings />
                        </Suspense>
                      }
                    />
                    <Route
                      path="/policy"
                      element={
                        <Suspense fallback={<QueryState fetching>{null}</QueryState>}>
                          <Policy />
                        </Suspense>
                      }
                    />
                    <Route path="*" element={<Navigate to="/overview" replace />} />
                  </Routes>
                </ViewerContext.Provider>
              )}
            </QueryState>
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
