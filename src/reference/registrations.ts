import { randomInt } from 'node:crypto';
import type { PhoneNumber } from '../protocol/index.js';

export function numberKey({ cc, phone_number }: PhoneNumber): string {
  return `+${cc} ${phone_number}`;
}

/**
 * What the client knows of registrations: numbers registered here, two-step PINs (they belong to the number,
 * so re-registering it needs the PIN), the pending registration, and the account the settings apply to. A client
 * registers one number at a time: `/v1/account/verify` carries a code and no number, so the latest code request is
 * the one registration pending, and a new request replaces it (its number's earlier code included).
 */
export class Registrations {
  protected readonly registered = new Set<string>();
  protected readonly pins = new Map<string, string>();
  protected readonly pending = new Map<string, { code: string; vname: string }>();
  protected current: string | undefined;
  /** The last code each number was sent, and when: what its phone (or a test inbox) shows, verified or not. */
  protected readonly messages = new Map<string, { code: string; sentAt: string }>();
  /** Test numbers that always receive the same code (as Signal's or Supabase's test numbers do). */
  protected readonly fixedCodes = new Map<string, string>();

  isRegistered(number: PhoneNumber): boolean {
    return this.registered.has(numberKey(number));
  }

  pinOf(number: PhoneNumber): string | undefined {
    return this.pins.get(numberKey(number));
  }

  /** A new code for the number: its registration is now the pending one, in place of any earlier request's. */
  sendCode(number: PhoneNumber, vname: string): string {
    const key = numberKey(number);
    const code = this.fixedCodes.get(key) ?? String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pending.clear();
    this.pending.set(key, { code, vname });
    this.messages.set(key, { code, sentAt: new Date().toISOString() });
    return code;
  }

  /** The number always receives `code`. */
  useFixedCode(number: PhoneNumber, code: string): void {
    this.fixedCodes.set(numberKey(number), code);
  }

  /** The last message the number's phone received. */
  lastMessage(number: PhoneNumber): { code: string; sentAt: string } | undefined {
    return this.messages.get(numberKey(number));
  }

  pendingCodes(): string[] {
    return [...this.pending.values()].map((p) => p.code);
  }

  codeFor(number: PhoneNumber): string | undefined {
    return this.pending.get(numberKey(number))?.code;
  }

  /** Completes the registration the code was sent for; undefined when no pending registration has it. */
  verify(code: string): string | undefined {
    for (const [key, pending] of this.pending) {
      if (pending.code !== code) continue;
      this.pending.delete(key);
      this.register(key);
      return key;
    }
    return undefined;
  }

  register(key: string): void {
    this.registered.add(key);
    this.current = key;
  }

  /** The number leaves this client (registered elsewhere); its two-step PIN stays with it. */
  unregister(key: string): void {
    this.registered.delete(key);
    this.pending.delete(key);
    if (this.current === key) this.current = undefined;
  }

  /** The account the two-step settings apply to: the number registered last. */
  get currentAccount(): string | undefined {
    return this.current;
  }

  setPin(key: string, pin: string): void {
    this.pins.set(key, pin);
  }

  clearPin(key: string): void {
    this.pins.delete(key);
  }
}
