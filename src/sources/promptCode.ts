import type { SourceHttp } from './http.js';
import { type CodeSource, codeIn, SourceError } from './source.js';

/**
 * The operator types the code their phone received. The question is asked by the command's own process, which
 * owns the terminal (`promptUrl`, a loopback address it serves for this run only); without a terminal there is no
 * prompt source at all, so nothing ever waits for a person who is not there.
 */
export function promptCodeSource(promptUrl: string, http: SourceHttp): CodeSource {
  const name = 'the prompt (codeSource.type "prompt")';
  return {
    name,
    interactive: true,
    covers: 'any',
    async sentCode({ cc, phone_number, method }) {
      const answer = await http.send('POST', promptUrl, { cc, phone_number, method });
      const code = codeIn(answer.body);
      if (answer.status >= 300 || !code) throw new SourceError(`${name}: no code was typed for +${cc} ${phone_number}`);
      return code;
    },
  };
}
