import fc from 'fast-check';
import { wrongCodes } from '../arbitraries/index.js';
import type { Target } from '../harness/index.js';
import {
  acceptedWithVname,
  because,
  either,
  isSuccess,
  postWrongCode,
  refusedWithEnvelope,
  status,
  statusIs,
  success,
} from '../harness/index.js';
import { type ModelCoverage, type Transition, transitions } from './modelCoverage.js';
import {
  newModel,
  newSystem,
  poolSize,
  type RegistrationModel,
  type RegistrationSystem,
  verificationOf,
} from './registrationModel.js';

type Command = fc.AsyncCommand<RegistrationModel, RegistrationSystem>;

/**
 * A command of a sequence; `step` is its place there (0 the first): a sequence that starts as the documented flow
 * (a code, then /verify with it) is judged by that flow's own requirements first.
 */
abstract class Step implements Command {
  abstract readonly check: (m: Readonly<RegistrationModel>) => boolean;

  async run(m: RegistrationModel, system: RegistrationSystem): Promise<void> {
    system.coverage?.reached(await this.act(m, system, m.steps++));
  }

  /** Acts on the target and the model; says which transition of the model it took. */
  protected abstract act(m: RegistrationModel, system: RegistrationSystem, step: number): Promise<Transition>;
}

type PinChoice = 'none' | 'right' | 'wrong';

// A PIN that is not `pin` (or any PIN when there is none).
const otherPin = (pin: string | undefined) => (pin === '111111' ? '222222' : '111111');

/** POST /v1/account for a pool number, with its PIN, a wrong one, or none. */
class RequestCode extends Step {
  constructor(
    readonly index: number,
    readonly method: 'sms' | 'voice',
    readonly pin: PinChoice,
  ) {
    super();
  }
  override check = () => true;
  protected override async act(
    m: RegistrationModel,
    { target, pool, codes }: RegistrationSystem,
    step: number,
  ): Promise<Transition> {
    const number = pool[this.index]!;
    const enabled = m.pins.get(this.index);
    const sent = this.pin === 'none' ? undefined : this.pin === 'right' ? (enabled ?? '135246') : otherPin(enabled);
    const request = await target.numbers.requestCode(target, number, { method: this.method, pin: sent });
    const answer = request.answer;
    const pinMissing = enabled !== undefined && sent !== enabled;
    const accepted = acceptedWithVname(number.vname);
    const transition = requestTransition(m, this.index, enabled, sent);
    if (m.registered.has(this.index)) {
      // 201 says "already registered"; whether a client checks the PIN first is not documented.
      const registered = because(statusIs(201), 'already registered');
      target.check(
        answer,
        pinMissing || m.unsure.has(this.index)
          ? either(registered, because(refusedWithEnvelope, 'for the PIN'))
          : registered,
      );
    } else if (m.unsure.has(this.index)) {
      target.check(
        answer,
        either(
          accepted,
          because(refusedWithEnvelope, 'for a two-step setting of the client, changed while it was registered here'),
        ),
      );
    } else if (pinMissing) {
      target.check(answer, because(refusedWithEnvelope, 'two-step verification is on and the PIN is missing or wrong'));
    } else if (sent !== undefined && enabled === undefined) {
      // A PIN given while two-step is off: "only needed when enabled" — ignoring or refusing it are both fair.
      target.check(answer, either(accepted, refusedWithEnvelope));
    } else if (step === 0) {
      // The documented first step: when it fails, LEGACY-UNREGISTERED-202 says so, and no sequence can be judged.
      target.require(answer, accepted, 'LEGACY-UNREGISTERED-202');
    } else {
      target.check(answer, accepted);
    }
    if (status(answer) !== 202) {
      if (m.pending) m.pending.sure = false;
      return transition;
    }
    // Read at once, while it is this request's code: a wrong code is then none of the codes ever sent.
    codes.set(this.index, await target.numbers.codeOf(request));
    m.sent.add(this.index);
    m.pending = { index: this.index, sure: true };
    return transition;
  }
  override toString = () => `RequestCode(#${this.index}, ${this.method}, pin=${this.pin})`;
}

/** Which transition a code request for #index takes, from the model before it: the first that applies. */
function requestTransition(
  m: Readonly<RegistrationModel>,
  index: number,
  enabled: string | undefined,
  sent: string | undefined,
): Transition {
  if (m.registered.has(index)) return transitions.registered;
  if (m.unsure.has(index)) return transitions.open;
  if (enabled !== undefined) return sent === enabled ? transitions.pinRight : transitions.pinMissing;
  if (sent !== undefined) return transitions.pinIgnored;
  if (m.sent.has(index)) return transitions.again;
  return m.pending ? transitions.another : transitions.first;
}

/** POST /v1/account/verify with the code the number received: it completes what `verificationOf` says, or nothing. */
class VerifySentCode extends Step {
  constructor(readonly index: number) {
    super();
  }
  override check = (m: Readonly<RegistrationModel>) => m.sent.has(this.index) && m.budget.left > 0;
  protected override async act(
    m: RegistrationModel,
    { target, codes }: RegistrationSystem,
    step: number,
  ): Promise<Transition> {
    const answer = await target.post('/v1/account/verify', { code: codes.get(this.index)! });
    const predicted = verificationOf(m, this.index, codes);
    if ('refused' in predicted) {
      target.check(answer, because(refusedWithEnvelope, predicted.refused));
      return m.pending ? transitions.earlier : transitions.noneOpen;
    }
    const { completes } = predicted;
    const sentCode = because(
      success,
      completes.index === this.index
        ? 'the sent code completes the registration'
        : `the code is also #${completes.index}'s, the pending registration`,
    );
    // A code, then /verify with it, is VERIFY-COMPLETES's flow: when it fails there, that requirement says so.
    if (step === 1 && completes.sure && completes.index === this.index)
      target.require(answer, sentCode, 'VERIFY-COMPLETES');
    // A request answered otherwise since may have ended the pending registration: completing it and refusing are both fair.
    target.check(
      answer,
      completes.sure
        ? sentCode
        : either(sentCode, because(refusedWithEnvelope, 'a later request ended the pending registration')),
    );
    m.pending = undefined;
    if (!isSuccess(answer)) return transitions.verified;
    m.budget.left -= 1;
    m.registered.add(completes.index);
    m.sent.delete(completes.index);
    if (m.twoStepChanged) m.unsure.add(completes.index);
    m.current = completes.index;
    return transitions.verified;
  }
  override toString = () => `VerifySentCode(#${this.index})`;
}

/** POST /v1/account/verify with a code no number received. */
class VerifyWrongCode extends Step {
  constructor(readonly seed: number) {
    super();
  }
  override check = () => true;
  protected override async act(m: RegistrationModel, { target }: RegistrationSystem): Promise<Transition> {
    const [codes] = fc.sample(wrongCodes(target.numbers.readCodes), { numRuns: 1, seed: this.seed });
    const { answer, collided } = await postWrongCode(target, codes!);
    target.check(answer, because(refusedWithEnvelope, 'the code was never sent'));
    // Another registration completed: the settings now apply to an account outside the model.
    if (collided) m.current = undefined;
    return transitions.wrongCode;
  }
  override toString = () => `VerifyWrongCode(seed ${this.seed})`;
}

/** The other accounts registered here may or may not share the setting the current one changed. */
function changedTwoStep(m: RegistrationModel): void {
  m.twoStepChanged = true;
  for (const index of m.registered) if (index !== m.current) m.unsure.add(index);
  m.unsure.delete(m.current!);
}

/** POST /v1/settings/account/two-step for the account registered last. */
class EnableTwoStep extends Step {
  constructor(readonly pin: string) {
    super();
  }
  override check = (m: Readonly<RegistrationModel>) => m.current !== undefined;
  protected override async act(m: RegistrationModel, { target }: RegistrationSystem): Promise<Transition> {
    const answer = await target.post('/v1/settings/account/two-step', { pin: this.pin });
    target.check(answer, because(success, 'two-step verification is on'));
    changedTwoStep(m);
    m.pins.set(m.current!, this.pin);
    return transitions.twoStepOn;
  }
  override toString = () => `EnableTwoStep(${this.pin})`;
}

/** DELETE /v1/settings/account/two-step. */
class DisableTwoStep extends Step {
  override check = (m: Readonly<RegistrationModel>) => m.current !== undefined;
  protected override async act(m: RegistrationModel, { target }: RegistrationSystem): Promise<Transition> {
    const answer = await target.send('DELETE', '/v1/settings/account/two-step', undefined, {});
    target.check(answer, because(success, 'two-step verification is off'));
    changedTwoStep(m);
    m.pins.delete(m.current!);
    return transitions.twoStepOff;
  }
  override toString = () => 'DisableTwoStep()';
}

/** The number is registered on another client (its PIN goes with it): re-registering it here needs the PIN. */
class MoveAway extends Step {
  constructor(readonly index: number) {
    super();
  }
  override check = (m: Readonly<RegistrationModel>) => m.registered.has(this.index);
  protected override async act(m: RegistrationModel, { target, pool }: RegistrationSystem): Promise<Transition> {
    await target.numbers.set(pool[this.index]!, 'moved-away');
    m.registered.delete(this.index);
    if (m.current === this.index) m.current = undefined;
    return transitions.movedAway;
  }
  override toString = () => `MoveAway(#${this.index})`;
}

/**
 * One sequence against the target, from fresh numbers. One that changed a two-step setting turns two-step off at its
 * end, whatever happened: on a client whose setting applies to every number registered there, a PIN left on would
 * change what later tests see of the configured numbers.
 */
export async function runModel(
  target: Target,
  commands: Iterable<Command>,
  coverage?: ModelCoverage,
  /** The registrations the sequences may still complete (--registrations): a verification past them is not sent. */
  budget: { left: number } = { left: Number.POSITIVE_INFINITY },
): Promise<void> {
  if (coverage && !coverage.next()) return;
  // A failure is shrunk and replayed whatever the budget says: a FAIL reproduces, and one that cannot is only a WARN.
  const model = newModel(coverage?.failing ? { left: Number.POSITIVE_INFINITY } : budget);
  try {
    await fc.asyncModelRun(() => ({ model, real: { ...newSystem(target), coverage } }), commands);
  } catch (error) {
    coverage?.fail();
    throw error;
  } finally {
    if (model.twoStepChanged) await target.send('DELETE', '/v1/settings/account/two-step', undefined, {});
  }
}

const index = fc.integer({ min: 0, max: poolSize - 1 });

/** Sequences of the commands above, for fc.asyncModelRun; numbers move away only when a state source can do it. */
export function registrationCommands({
  moveAway,
  maxCommands = 12,
}: {
  moveAway: boolean;
  maxCommands?: number;
}): fc.Arbitrary<Iterable<Command>> {
  const requestCode = fc
    .tuple(
      index,
      fc.constantFrom('sms' as const, 'voice' as const),
      fc.constantFrom<PinChoice>('none', 'right', 'wrong'),
    )
    .map(([i, m, p]) => new RequestCode(i, m, p));
  const verifySentCode = index.map((i) => new VerifySentCode(i));
  // fc.commands picks uniformly among its entries: listing the registration steps three times each makes the
  // sequences that matter (ask twice, then verify) likely within a short run instead of rare.
  return fc.commands(
    [
      requestCode,
      requestCode,
      requestCode,
      verifySentCode,
      verifySentCode,
      verifySentCode,
      fc.nat().map((seed) => new VerifyWrongCode(seed)),
      fc.stringMatching(/^[0-9]{6}$/).map((pin) => new EnableTwoStep(pin)),
      fc.constant(new DisableTwoStep()),
      ...(moveAway ? [index.map((i) => new MoveAway(i))] : []),
    ],
    { maxCommands },
  );
}

/**
 * Sequences chosen so that every transition of the model is reached at least once, before any generated one: the
 * documented flow and its repetitions, two numbers' codes crossed, PINs given where none is asked for, and, where a
 * state source can move a number away, the PIN two-step asks for, missing, wrong and right.
 */
export function chosenSequences({ moveAway }: { moveAway: boolean }): Command[][] {
  const pin = '246810';
  return [
    [
      new RequestCode(0, 'sms', 'none'),
      new VerifySentCode(0),
      new RequestCode(0, 'voice', 'none'),
      new EnableTwoStep(pin),
      new DisableTwoStep(),
    ],
    // Asked again: the latest code completes it.
    [new RequestCode(0, 'sms', 'none'), new RequestCode(0, 'voice', 'none'), new VerifySentCode(0)],
    [
      new RequestCode(0, 'sms', 'none'),
      new RequestCode(1, 'voice', 'none'),
      new VerifySentCode(0),
      new VerifySentCode(1),
      new VerifySentCode(0),
      new VerifyWrongCode(1),
    ],
    [new RequestCode(0, 'voice', 'right'), new RequestCode(1, 'sms', 'wrong')],
    ...(moveAway
      ? [
          [
            new RequestCode(0, 'sms', 'none'),
            new VerifySentCode(0),
            new EnableTwoStep(pin),
            new MoveAway(0),
            new RequestCode(0, 'sms', 'none'),
            new RequestCode(0, 'voice', 'wrong'),
            new RequestCode(0, 'sms', 'right'),
            new VerifySentCode(0),
          ],
        ]
      : []),
  ];
}
