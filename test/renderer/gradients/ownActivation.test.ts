// The Gradient lab's own-activation model (plain Node) against the real engine in this process: checks, typing mistakes at their column, a stale check, and what may become a layer.
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessRequests } from '../support/inProcessRequests.js';
import { OwnActivation } from '../../../renderer/gradients/ownActivation.svelte.js';
import { UserActivations } from '../../../renderer/models/userActivations.svelte.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function ownActivation(): { own: OwnActivation; activations: UserActivations } {
  const { requests, dispose } = inProcessRequests();
  cleanups.push(dispose);
  const activations = new UserActivations();
  return { own: new OwnActivation(requests, activations), activations };
}

describe('your own activation', () => {
  it('refuses a wrong f′ as a layer but offers the lab’s derivative, then takes the right one', async () => {
    const { own, activations } = ownActivation();
    own.name = 'cube';
    own.f = 'x^3';
    own.df = '3*x';
    await own.check();
    expect(own.current?.typedCheck?.ok).toBe(false);
    expect(own.current?.typedCheck?.worst.x).toBe(-4.875);
    expect(own.usable).toBe(false);
    expect(own.usableWithLabDerivative).toBe(true);
    own.use(true);
    expect(activations.list).toEqual([{ name: 'cube', f: 'x^3' }]);

    own.df = '3*x^2';
    expect(own.stale).toBe(true);
    expect(own.usable).toBe(false);
    await own.check();
    expect(own.usable).toBe(true);
    own.use();
    expect(activations.list).toEqual([{ name: 'cube', f: 'x^3', df: '3*x^2' }]);
    expect(activations.layers).toEqual([{ type: 'custom_activation', name: 'cube', f: 'x^3', df: '3*x^2' }]);
  });

  it('marks a typing mistake at its field and column, and forgets it once the field is edited', async () => {
    const { own } = ownActivation();
    own.f = 'x*(1+x';
    await own.check();
    expect(own.errors.f).toEqual({ message: "f(x): expected ')' but found end of input at column 7", column: 7 });
    expect(own.current).toBeNull();
    own.edited('f');
    expect(own.errors.f).toBeUndefined();
  });

  it('says what a name must be before anything is checked', () => {
    const { own } = ownActivation();
    own.name = '2fast';
    expect(own.errors.name?.message).toMatch(/^The name must start with a small letter/);
  });
});

describe("the user's activations", () => {
  it('replace one of the same name and refuse an f′ that fails the check', () => {
    const activations = new UserActivations();
    activations.add({ name: 'soft', f: 'x/(1+abs(x))' });
    activations.add({ name: 'soft', f: 'tanh(x)', df: '1-tanh(x)^2' });
    expect(activations.list).toEqual([{ name: 'soft', f: 'tanh(x)', df: '1-tanh(x)^2' }]);
    expect(() => activations.add({ name: 'bad', f: 'x^2', df: 'x' })).toThrow(/does not pass the gradient check/);
    activations.remove('soft');
    expect(activations.list).toEqual([]);
  });
});
