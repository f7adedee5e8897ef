import { createCircuitBreaker } from './circuit-breaker.js';

describe('CircuitBreaker', () => {
  const make = () => {
    const clock = { now: 0 };
    const states: string[] = [];
    const breaker = createCircuitBreaker({
      failureThreshold: 3,
      cooldownMs: 100,
      now: () => clock.now,
      onStateChange: (state) => states.push(state),
    });
    return { breaker, clock, states };
  };

  it('opens after the threshold of consecutive failures, not before', () => {
    const { breaker } = make();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('forgets failures after a success', () => {
    const { breaker } = make();
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state()).toBe('closed');
  });

  it('lets a single trial through after the cooldown; its failure reopens the circuit', () => {
    const { breaker, clock, states } = make();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure();
    clock.now = 150;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordFailure();
    expect(breaker.state()).toBe('open');
    clock.now = 200;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 260;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.tryAcquire()).toBe(true);
    expect(states).toEqual(['open', 'half_open', 'open', 'half_open', 'closed']);
  });
});
