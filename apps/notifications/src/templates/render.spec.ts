import { renderMessage } from './render.js';

const data = {
  name: 'Anna Kowalska',
  reference: 'OWES/2026/00042',
  callNumber: 'NAB/1/2026',
  callTitle: 'Miejsca pracy w przedsiębiorstwach społecznych',
  submittedAt: '2026-12-03T10:15:00.000Z',
};

describe('application-submitted template', () => {
  it('renders the Polish confirmation with the reference, the call and what happens next', () => {
    const m = renderMessage('application-submitted', 'pl', data);
    expect(m.subject).toBe('Potwierdzenie złożenia wniosku OWES/2026/00042');
    expect(m.text).toContain('Numer wniosku: OWES/2026/00042');
    expect(m.text).toContain('Dzień dobry Anna Kowalska');
    expect(m.text).toContain('3 grudnia 2026');
    expect(m.text).toContain('11:15'); // Warsaw time, not UTC
    expect(m.text).toContain('ocenę formalną');
    expect(m.html).toContain('<strong>OWES/2026/00042</strong>');
    expect(m.html).toContain('lang="pl"');
    expect(m).toMatchSnapshot();
  });

  it('renders English when the recipient chose it', () => {
    const m = renderMessage('application-submitted', 'en', data);
    expect(m.subject).toBe('Your application OWES/2026/00042 has been submitted');
    expect(m.text).toContain('3 December 2026');
    expect(m.text).toContain('formal check');
    expect(m).toMatchSnapshot();
  });

  it('escapes what people typed in the HTML part', () => {
    const m = renderMessage('application-submitted', 'pl', { ...data, name: '<script>x</script>' });
    expect(m.html).not.toContain('<script>x</script>');
    expect(m.html).toContain('&lt;script&gt;');
  });

  it('refuses to render with a missing variable', () => {
    const { reference: _r, ...incomplete } = data;
    expect(() => renderMessage('application-submitted', 'pl', incomplete)).toThrow();
  });
});
