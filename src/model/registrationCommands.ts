import fc from 'fast-check';
import { acceptedWithVname, because, either, isSuccess, postWrongCode, refusedWithEnvelope, status, statusIs, success } from '../fixtures/index.js';
import { wrongCodes } from '../arbitraries/index.js';
import type { RegistrationModel, RegistrationSystem } from './registrationModel.js';
import { poolSize } from './registrationModel.js';

type Command = fc.AsyncCommand<RegistrationModel, RegistrationSystem>;
type PinChoice = 'none' | 'right' | 'wrong';

// A PIN that is not `pin` (or any PIN when there is none).
const otherPin = (pin: string | undefined) => (pin === '111111' ? '222222' : '111111');

/** POST /v1/account for a pool number, with its PIN, a wrong one, or none. */
class RequestCode implements Command {
  constructor(readonly index: number, readonly method: 'sms' | 'voice', readonly pin: PinChoice) {}
  check = () => true;
  async run(m: RegistrationModel, { target, pool, codes }: RegistrationSystem): Promise<void> {
    const number = pool[this.index]!;
    const enabled = m.pins.get(this.index);
    const sent = this.pin === 'none' ? undefined : this.pin === 'right' ? enabled ?? '135246' : otherPin(enabled);
    const request = await target.numbers.requestCode(target, number, { method: this.method, pin: sent });
    const answer = request.answer;
    const pinMissing = enabled !== undefined && sent !== enabled;
    const accepted = acceptedWithVname(number.vname);
    if (m.registered.has(this.index)) {
      // 201 says "already registered"; whether a client checks the PIN first is not documented.
      const registered = because(statusIs(201), 'already registered');
      target.check(answer, pinMissing ? either(registered, because(refusedWithEnvelope, 'for the PIN')) : registered);
    } else if (pinMissing) {
      target.check(answer, because(refusedWithEnvelope, 'two-step verification is on and the PIN is missing or wrong'));
    } else if (sent !== undefined && enabled === undefined) {
      // A PIN given while two-step is off: "only needed when enabled" — ignoring or refusing it are both fair.
      target.check(answer, either(accepted, refusedWithEnvelope));
      if (accepted.holds(answer)) m.pending.add(this.index);
    } else {
      target.check(answer, accepted);
      m.pending.add(this.index);
    }
    // Read at once, while it is this request's code: a wrong code is then none of the codes ever sent.
    if (status(answer) === 202) {
      codes.set(this.index, await target.numbers.codeOf(request));
      m.lastRequested = this.index;
    }
  }
  toString = () => `RequestCode(#${this.index}, ${this.method}, pin=${this.pin})`;
}

/** POST /v1/account/verify with the code the number received. */
class VerifySentCode implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<RegistrationModel>) => m.pending.has(this.index);
  async run(m: RegistrationModel, { target, codes }: RegistrationSystem): Promise<void> {
    const code = codes.get(this.index)!;
    const answer = await target.post('/v1/account/verify', { code });
    m.pending.delete(this.index);
    // A client registers one number: whether an earlier number's code still completes its registration once
    // another number asked for a code is not documented, so completing it and refusing it are both fair.
    if (m.lastRequested !== this.index) {
      target.check(answer, either(because(success, 'the code completes its registration'), because(refusedWithEnvelope, 'superseded by a later request')));
      if (!isSuccess(answer)) return;
    } else {
      target.check(answer, because(success, 'the sent code completes the registration'));
    }
    m.registered.add(this.index);
    m.current = this.index;
  }
  toString = () => `VerifySentCode(#${this.index})`;
}

/** POST /v1/account/verify with a code no number received. */
class VerifyWrongCode implements Command {
  constructor(readonly seed: number) {}
  check = () => true;
  async run(m: RegistrationModel, { target }: RegistrationSystem): Promise<void> {
    const [codes] = fc.sample(wrongCodes(target.numbers.readCodes), { numRuns: 1, seed: this.seed });
    const { answer, collided } = await postWrongCode(target, codes!);
    target.check(answer, because(refusedWithEnvelope, 'the code was never sent'));
    // Another registration completed: the settings now apply to an account outside the model.
    if (collided) m.current = undefined;
  }
  toString = () => `VerifyWrongCode(seed ${this.seed})`;
}

/** POST /v1/settings/account/two-step for the account registered last. */
class EnableTwoStep implements Command {
  constructor(readonly pin: string) {}
  check = (m: Readonly<RegistrationModel>) => m.current !== undefined;
  async run(m: RegistrationModel, { target }: RegistrationSystem): Promise<void> {
    const answer = await target.post('/v1/settings/account/two-step', { pin: this.pin });
    target.check(answer, because(success, 'two-step verification is on'));
    m.pins.set(m.current!, this.pin);
  }
  toString = () => `EnableTwoStep(${this.pin})`;
}

/** DELETE /v1/settings/account/two-step. */
class DisableTwoStep implements Command {
  check = (m: Readonly<RegistrationModel>) => m.current !== undefined;
  async run(m: RegistrationModel, { target }: RegistrationSystem): Promise<void> {
    const answer = await target.send('DELETE', '/v1/settings/account/two-step', undefined, {});
    target.check(answer, because(success, 'two-step verification is off'));
    m.pins.delete(m.current!);
  }
  toString = () => 'DisableTwoStep()';
}

/** The number is registered on another client (its PIN goes with it): re-registering it here needs the PIN. */
class MoveAway implements Command {
  constructor(readonly index: number) {}
  check = (m: Readonly<RegistrationModel>) => m.registered.has(this.index);
  async run(m: RegistrationModel, { target, pool }: RegistrationSystem): Promise<void> {
    const { cc, phone_number, cert } = pool[this.index]!;
    await target.numbers.stateSource!.setup('moved-away', { cc, phone_number, cert });
    m.registered.delete(this.index);
    m.pending.delete(this.index);
    if (m.current === this.index) m.current = undefined;
  }
  toString = () => `MoveAway(#${this.index})`;
}

const index = fc.integer({ min: 0, max: poolSize - 1 });

/** Sequences of the commands above, for fc.asyncModelRun; numbers move away only when a state source can do it. */
export function registrationCommands({ moveAway, maxCommands = 12 }: { moveAway: boolean; maxCommands?: number }): fc.Arbitrary<Iterable<Command>> {
  const requestCode = fc.tuple(index, fc.constantFrom('sms' as const, 'voice' as const), fc.constantFrom<PinChoice>('none', 'right', 'wrong')).map(([i, m, p]) => new RequestCode(i, m, p));
  const verifySentCode = index.map((i) => new VerifySentCode(i));
  // fc.commands picks uniformly among its entries: listing the registration steps three times each makes the
  // sequences that matter (ask twice, then verify) likely within a short run instead of rare.
  return fc.commands(
    [
      requestCode, requestCode, requestCode,
      verifySentCode, verifySentCode, verifySentCode,
      fc.nat().map((seed) => new VerifyWrongCode(seed)),
      fc.stringMatching(/^[0-9]{6}$/).map((pin) => new EnableTwoStep(pin)),
      fc.constant(new DisableTwoStep()),
      ...(moveAway ? [index.map((i) => new MoveAway(i))] : []),
    ],
    { maxCommands },
  );
}
