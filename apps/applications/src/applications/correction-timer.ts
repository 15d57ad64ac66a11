/**
 * The durable timer of a correction term (docs/architecture.md#timers-and-schedulers): scheduled
 * by the formal check's request for corrections, cancelled by the answer or a withdrawal, fired by
 * `CorrectionTermLapsedUseCase`.
 */
export const CORRECTION_TIMER = 'application.correction-term';
