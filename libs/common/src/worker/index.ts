export { backoffMs, type BackoffOptions } from './backoff.js';
export {
  PollingWorker,
  type PassContext,
  type PassResult,
  type PollingWorkerOptions,
  type WorkerLogger,
  type WorkerMetrics,
} from './polling-worker.js';
export {
  LeaseHeartbeat,
  leaseTiming,
  type LeaseHeartbeatOptions,
  type LeaseTiming,
} from './lease-heartbeat.js';
