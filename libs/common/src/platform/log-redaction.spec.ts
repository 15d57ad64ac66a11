import { redactUrl, scrubPersonalData } from './log-redaction.js';

describe('what a logged URL may show', () => {
  it('hides sensitive parameters and any value holding an e-mail address or a PESEL', () => {
    expect(redactUrl('/api/deliveries?recipient=anna%40example.pl&status=sent&page=2')).toBe(
      '/api/deliveries?recipient=[redacted]&status=sent&page=2',
    );
    expect(redactUrl('/api/x?note=anna@example.pl&other=44051401359')).toBe(
      '/api/x?note=[redacted]&other=[redacted]',
    );
    expect(redactUrl('/api/applications?q=Kowalska+Anna')).toBe('/api/applications?q=[redacted]');
  });

  it('leaves harmless URLs as they are and scrubs the path too', () => {
    expect(redactUrl('/api/calls')).toBe('/api/calls');
    expect(redactUrl('/api/calls?state=open&page=1')).toBe('/api/calls?state=open&page=1');
    expect(redactUrl('/api/users/anna@example.pl')).toBe('/api/users/[email]');
    expect(scrubPersonalData('PESEL 44051401359, not 123')).toBe('PESEL [pesel], not 123');
  });
});
