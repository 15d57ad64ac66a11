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
  close(): Promise<void>;
}

/** A real SMTP server inside the test that keeps what it receives. */
export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    port: 0,
    messages: [],
    failTemporarily: false,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
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
        stream.on('end', () =>
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          state.messages.push(mail);
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
