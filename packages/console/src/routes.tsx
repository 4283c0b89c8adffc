import type { ReactNode } from 'react';
import { AuditLog } from './component/audit/AuditLog/AuditLog';
import { ExperimentList } from './component/experiments/ExperimentList/ExperimentList';
import { ExperimentPage } from './component/experiments/ExperimentPage/ExperimentPage';
import { FlagList } from './component/flags/FlagList/FlagList';
import { FlagPage } from './component/flags/FlagPage/FlagPage';
import { JourneyEditor } from './component/journeys/JourneyEditor/JourneyEditor';
import { JourneyList } from './component/journeys/JourneyList/JourneyList';
import { JourneyPage } from './component/journeys/JourneyPage/JourneyPage';
import { KeyList } from './component/keys/KeyList/KeyList';
import { MetricList } from './component/metrics/MetricList/MetricList';
import { MetricPage } from './component/metrics/MetricPage/MetricPage';
import { SegmentList } from './component/segments/SegmentList/SegmentList';
import { SegmentPage } from './component/segments/SegmentPage/SegmentPage';
import { UsagePage } from './component/usage/UsagePage/UsagePage';

/** One page of the console, under `/:project/:environment/`. */
export interface ConsoleRoute {
  path: string;
  title: string;
  element: ReactNode;
  /** Shown in the navigation, in this order. */
  nav?: boolean;
}

/** Every page, in one table: the router and the navigation are both derived from it. */
export const routes: readonly ConsoleRoute[] = [
  { path: 'flags', title: 'Flags', element: <FlagList />, nav: true },
  { path: 'flags/:flag', title: 'Flag', element: <FlagPage /> },
  { path: 'segments', title: 'Segments', element: <SegmentList />, nav: true },
  { path: 'segments/:segment', title: 'Segment', element: <SegmentPage /> },
  { path: 'journeys', title: 'Journeys', element: <JourneyList />, nav: true },
  { path: 'journeys/:journey', title: 'Journey', element: <JourneyPage /> },
  { path: 'journeys/:journey/edit', title: 'Edit journey', element: <JourneyEditor /> },
  { path: 'experiments', title: 'Experiments', element: <ExperimentList />, nav: true },
  { path: 'experiments/:experiment', title: 'Experiment', element: <ExperimentPage /> },
  { path: 'metrics', title: 'Metrics', element: <MetricList />, nav: true },
  { path: 'metrics/:metric', title: 'Metric', element: <MetricPage /> },
  { path: 'usage', title: 'Usage', element: <UsagePage />, nav: true },
  { path: 'keys', title: 'API keys', element: <KeyList />, nav: true },
  { path: 'audit', title: 'Audit log', element: <AuditLog />, nav: true },
];

export const navigation = routes.filter((route) => route.nav === true);
