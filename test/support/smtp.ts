import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface TestSmtp {
  port: number;
  messages: ParsedMail[];
  /** While set, every RCPT TO for an address matching it is refused with 550 (permanent). */
  rejectRecipient?: RegExp;
  /** While true, every message is refused with 451 (temporary). */
  failTemporarily: boolean;
  /**
   * While true, the server is away: new connections and every MAIL FROM (also on pooled
   * connections) are refused with 421 (service not available, temporary).
   */
  unavailable: boolean;
  /**
   * Awaited after a message is received and kept, before the server answers 250: what happens
   * between the SMTP server accepting a message and the sender hearing it.
   */
  beforeAccept?: (mail: ParsedMail) => Promise<void> | void;
  /** Awaited before a message is refused under `failTemporarily`, before the server answers 451. */
  beforeRefuse?: () => Promise<void> | void;
  close(): Promise<void>;
}

/** How many copies of each Message-ID the server received. */
export function copiesByMessageId(smtp: TestSmtp): Map<string, number> {
  const copies = new Map<string, number>();
  for (const m of smtp.messages) {
    const id = m.messageId ?? '(none)';
    copies.set(id, (copies.get(id) ?? 0) + 1);
  }
  return copies;
}

/** A real SMTP server inside the test that keeps what it receives. */
export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    port: 0,
    messages: [],
    failTemporarily: false,
    unavailable: false,
    close: async () => {},
  };
  const away = () =>
    Object.assign(new Error('Service not available, try again later'), { responseCode: 421 });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      callback(state.unavailable ? away() : undefined);
    },
    onMailFrom(_address, _session, callback) {
      callback(state.unavailable ? away() : undefined);
    },
    onRcptTo(address, _session, callback) {
      if (state.rejectRecipient?.test(address.address)) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      if (state.failTemporarily) {
        stream.resume();
        stream.on('end', () => {
          void Promise.resolve(state.beforeRefuse?.()).then(() =>
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 })),
          );
        });
        return;
      }
      simpleParser(stream)
        .then(async (mail) => {
          state.messages.push(mail);
          await state.beforeAccept?.(mail);
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
