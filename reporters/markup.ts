/**
 * Text made safe inside XML or HTML, in an element or in a quoted attribute. The control characters XML 1.0 forbids
 * even when escaped are dropped (a target's answer may hold any byte); tab, line feed and carriage return are
 * character references, which XML readers keep as written (a bare one is normalised: CR to LF, in an attribute to a
 * space).
 */
export function escapeMarkup(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
