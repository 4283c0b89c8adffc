import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { Home } from './component/layout/Home/Home';
import { Layout } from './component/layout/Layout/Layout';
import { SessionGate } from './component/session/session';
import { routes } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      staleTime: 5_000,
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionGate>
          <Routes>
            <Route index element={<Home />} />
            <Route path=":project/:environment" element={<Layout />}>
              <Route index element={<Navigate to="flags" replace />} />
              {routes.map((route) => (
                <Route key={route.path} path={route.path} element={route.element} />
              ))}
            </Route>
            <Route path="*" element={<Home />} />
          </Routes>
        </SessionGate>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
