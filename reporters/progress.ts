import { createLogUpdate } from 'log-update';

/** A live line on a terminal — cases done / total and the current requirement — and nothing in CI or a pipe. */
export class Progress {
  private readonly update = process.stderr.isTTY && !process.env.CI ? createLogUpdate(process.stderr) : undefined;
  private done = 0;
  private total = 0;

  begin(total: number): void {
    this.total = total;
  }

  show(current: string): void {
    this.update?.(`[${this.done}/${this.total}] ${current}`);
  }

  finished(current: string): void {
    this.done += 1;
    this.show(current);
  }

  clear(): void {
    this.update?.clear();
  }
}
