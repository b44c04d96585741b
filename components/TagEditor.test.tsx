// @vitest-environment happy-dom
// A tag is shown as it is held: a tag imported with invisible formatting in it shows that formatting as codes.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TagEditor } from './TagEditor';

const host = document.createElement('div');
afterEach(() => render(null, host));

describe('TagEditor', () => {
  it('shows the invisible formatting in a tag, in the chip and in its remove button’s name', () => {
    render(<TagEditor idBase="t" tags={['labour', 'tor\u202Eerut']} suggestions={[]} onChange={() => {}} />, host);
    expect([...host.querySelectorAll('.tag bdi')].map((b) => b.textContent)).toEqual(['labour', 'tor⟨U+202E⟩erut']);
    expect(host.querySelectorAll('.tag-remove')[1]?.getAttribute('aria-label')).toContain('tor⟨U+202E⟩erut');
  });
});
