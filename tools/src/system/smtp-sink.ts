import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted. */
export interface ReceivedMail {
  /** The first application reference (OWES/<year>/<nnnnn>) in the message, if any. */
  reference?: string;
  /** The Message-ID header as sent, e.g. `<id@owes-grants>`. */
  messageId?: string;
  /** performance.now() at acceptance. */
  at: number;
}

/**
 * An SMTP server inside a tool script (bench, chaos) that keeps what it accepts: every message
 * with its reference and Message-ID, and when each reference was first e-mailed. `outage(true)`
 * takes it "away" without closing the port: new connections are refused with 421 and every
 * MAIL FROM on an open (pooled) connection with 451, so senders see a temporary failure and must
 * retry later.
 */
export interface SmtpSink {
  port: number;
  messages: ReceivedMail[];
  firstArrival: Map<string, number>;
  /** Connections (421) and messages (451) refused during outages. */
  refused: number;
  outage(on: boolean): void;
  close(): Promise<void>;
}

const REFERENCE = /OWES\/\d{4}\/\d{5,}/;
const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

export async function startSmtpSink(): Promise<SmtpSink> {
  let away = false;
  const temporary = (code: number, text: string) =>
    Object.assign(new Error(text), { responseCode: code });
  const sink: SmtpSink = {
    port: 0,
    messages: [],
    firstArrival: new Map(),
    refused: 0,
    outage: (on) => {
      away = on;
    },
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (away) {
        sink.refused++;
        return callback(temporary(421, 'Service not available, try again later'));
      }
      callback();
    },
    onMailFrom(_address, _session, callback) {
      if (away) {
        sink.refused++;
        return callback(temporary(451, 'Try again later'));
      }
      callback();
    },
    onData(stream, _session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const at = performance.now();
        const headers = raw.slice(0, Math.max(0, raw.search(/\r?\n\r?\n/)) || raw.length);
        const reference = REFERENCE.exec(raw.replace(/=\r?\n/g, ''))?.[0];
        const messageId = MESSAGE_ID.exec(headers)?.[1];
        sink.messages.push({ reference, messageId, at });
        if (reference && !sink.firstArrival.has(reference)) sink.firstArrival.set(reference, at);
        callback();
      });
    },
  });
  // A sender killed mid-conversation resets its connection: that is its business, not ours.
  server.on('error', () => {});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((r) => server.close(() => r()));
  return sink;
}
