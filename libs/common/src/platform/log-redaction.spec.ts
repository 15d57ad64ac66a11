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

describe('what a logged URL may show, against odd input', () => {
  it('treats a bracketed name as its base name and hides free text whatever the name', () => {
    expect(redactUrl('/api/initiative-groups?q[]=4pmmnt6%2F%251n2.*%40buhech8.jomi7ru.iqr')).toBe(
      '/api/initiative-groups?q[]=[redacted]',
    );
    expect(redactUrl('/api/x?q[a]=Kowalska&note=Anna+Kowalska&state=open')).toBe(
      '/api/x?q[]=[redacted]&note=[redacted]&state=open',
    );
    expect(redactUrl('/api/x?anna%40example.pl=1')).toBe('/api/x?[param]=1');
  });

  it('finds e-mail addresses with unusual local parts, and no PESEL inside a UUID', () => {
    expect(scrubPersonalData("b%c*d'e@example.com.pl")).toBe('[email]');
    expect(scrubPersonalData('event 0b7c1e2a-1f2b-4c3d-9e8f-12345678901a')).toBe(
      'event 0b7c1e2a-1f2b-4c3d-9e8f-12345678901a',
    );
    expect(scrubPersonalData('pesel=44051401359;')).toBe('pesel=[pesel];');
  });
});
