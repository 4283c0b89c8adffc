import type { Readable, Writable } from 'openapi-typescript-helpers';
import type { paths } from './schema';

/*
 * Names for the API's shapes, taken from the generated schema so they never
 * drift from the server.
 */

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
// As openapi-fetch reads and writes them, so values from it need no conversion.
type Ok<Op> = Readable<Op extends { responses: { 200: infer R } } ? Json<R> : Op extends { responses: { 201: infer R } } ? Json<R> : never>;
type Body<Op> = Writable<Op extends { requestBody?: infer R } ? Json<NonNullable<R>> : never>;

export type Session = Ok<paths['/api/v1/session']['get']>;
export type Project = Ok<paths['/api/v1/projects']['get']>['projects'][number];
export type Environment = Ok<paths['/api/v1/projects/{project}/environments']['get']>['environments'][number];
export type FlagListItem = Ok<paths['/api/v1/projects/{project}/flags']['get']>['flags'][number];
export type FlagDetail = Ok<paths['/api/v1/projects/{project}/flags/{flag}']['get']>;
export type NewFlag = Body<paths['/api/v1/projects/{project}/flags']['post']>;
export type FlagChanges = Body<paths['/api/v1/projects/{project}/flags/{flag}']['patch']>;
export type FlagConfig = Ok<paths['/api/v1/projects/{project}/flags/{flag}/environments/{environment}']['get']>;
export type FlagConfigInput = Body<paths['/api/v1/projects/{project}/flags/{flag}/environments/{environment}']['put']>;
export type ApiRule = FlagConfigInput['rules'][number];
export type ApiServe = FlagConfigInput['fallthrough'];
export type ApiCondition = ApiRule['when'][number];
export type SegmentListItem = Ok<paths['/api/v1/projects/{project}/segments']['get']>['segments'][number];
export type SegmentDetail = Ok<paths['/api/v1/projects/{project}/segments/{segment}']['get']>;
export type SegmentInput = Body<paths['/api/v1/projects/{project}/segments/{segment}']['put']>;
export type Token = Ok<paths['/api/v1/tokens']['get']>['tokens'][number];
export type AuditEntry = Ok<paths['/api/v1/audit']['get']>['entries'][number];
export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
export type JourneyListItem = Ok<paths['/api/v1/projects/{project}/journeys']['get']>['journeys'][number];
export type Journey = Ok<paths['/api/v1/projects/{project}/journeys/{journey}']['get']>;
export type NewJourney = Body<paths['/api/v1/projects/{project}/journeys']['post']>;
export type JourneyInput = Body<paths['/api/v1/projects/{project}/journeys/{journey}']['put']>;
export type Funnel = Ok<paths['/api/v1/projects/{project}/journeys/{journey}/funnel']['get']>;
export type FunnelQuery = NonNullable<paths['/api/v1/projects/{project}/journeys/{journey}/funnel']['get']['parameters']['query']>;
export type Conversion = Ok<paths['/api/v1/projects/{project}/journeys/{journey}/conversion']['get']>;
export type UsageEvents = Ok<paths['/api/v1/projects/{project}/usage/events']['get']>;
export type Usage = Ok<paths['/api/v1/projects/{project}/usage']['get']>;
export type UsageQuery = NonNullable<paths['/api/v1/projects/{project}/usage']['get']['parameters']['query']>;
export type Metric = Ok<paths['/api/v1/projects/{project}/metrics/{metric}']['get']>;
export type NewMetric = Body<paths['/api/v1/projects/{project}/metrics']['post']>;
export type MetricInput = Body<paths['/api/v1/projects/{project}/metrics/{metric}']['put']>;
export type Experiment = Ok<paths['/api/v1/projects/{project}/experiments/{experiment}']['get']>;
export type ExperimentStatus = Experiment['status'];
export type ExperimentListQuery = NonNullable<paths['/api/v1/projects/{project}/experiments']['get']['parameters']['query']>;
export type NewExperiment = Body<paths['/api/v1/projects/{project}/experiments']['post']>;
export type Results = Ok<paths['/api/v1/projects/{project}/experiments/{experiment}/results']['get']>;
export type ResultsTest = Results['test'];
export type MetricResult = Results['metrics'][number];
export type VariantResult = MetricResult['variants'][number];
export type EffectResult = NonNullable<VariantResult['relative']>;
export type SampleRatio = Results['srm'];
