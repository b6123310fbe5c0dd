import { describe, expect, it } from 'vitest';
import { AccountUnavailable, classifySendError } from '../../src-main/jobs/outbox/send-outcome';
import { SmsSendError } from '../../src-main/services/mailings/sms/provider';
import { netgsmNumber, netgsmUrlProblem } from '../../src-main/services/mailings/sms/netgsm';

const smtp = (responseCode: number, command: string, code = 'EENVELOPE') =>
  Object.assign(new Error('x'), { responseCode, command, code, response: `${responseCode} sunucunun cümlesi` });

describe('what a failed send means', () => {
  it('fails a row only for the recipient’s own 5xx at RCPT or DATA; 4xx there waits and tries again', () => {
    expect(classifySendError(smtp(550, 'RCPT TO'), false)).toMatchObject({
      kind: 'failed',
      message: '550 sunucunun cümlesi',
    });
    expect(classifySendError(smtp(554, 'DATA', 'EMESSAGE'), true)).toMatchObject({ kind: 'failed' });
    expect(classifySendError(smtp(451, 'RCPT TO'), false)).toMatchObject({ kind: 'retry' });
  });

  it('makes the account wait for login, greeting, sender and connection problems before the message went over', () => {
    expect(classifySendError(smtp(535, 'AUTH PLAIN', 'EAUTH'), false)).toMatchObject({ kind: 'account' });
    expect(classifySendError(smtp(421, 'CONN', 'EPROTOCOL'), false)).toMatchObject({ kind: 'account' });
    expect(classifySendError(smtp(553, 'MAIL FROM'), false)).toMatchObject({ kind: 'account' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' });
    expect(classifySendError(refused, false)).toMatchObject({ kind: 'account' });
    expect(classifySendError(new AccountUnavailable('E-posta hesabı kapalı'), false)).toMatchObject({
      kind: 'account',
    });
  });

  it('calls a drop or timeout after the message was handed over uncertain, never a retry', () => {
    const drop = Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'CONN' });
    expect(classifySendError(drop, true)).toMatchObject({ kind: 'uncertain' });
    expect(classifySendError(new SmsSendError('yanıt yok', false, 'unanswered'), false)).toMatchObject({
      kind: 'uncertain',
    });
    expect(classifySendError(new SmsSendError('parola', true, 'account'), false)).toMatchObject({ kind: 'account' });
    expect(classifySendError(new SmsSendError('numara geçersiz', true), false)).toMatchObject({ kind: 'failed' });
  });
});

describe('Netgsm', () => {
  it('sends Turkish numbers in their 10-digit national form and refuses others', () => {
    expect(netgsmNumber('+905321112233')).toBe('5321112233');
    expect(netgsmNumber('+4915112345678')).toBeNull();
    expect(netgsmNumber('+90532111')).toBeNull();
  });

  it('wants https for its API address', () => {
    expect(netgsmUrlProblem('https://api.netgsm.com.tr')).toBeNull();
    expect(netgsmUrlProblem('http://api.netgsm.com.tr')).toContain('https://');
  });
});
