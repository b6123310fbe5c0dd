/**
 * A real local SMS gateway for tests: an HTTP server on a free loopback port implementing the `local-gateway`
 * provider's API (src-main/services/mailings/sms/local-gateway.ts). It checks the basic-auth login, records every
 * accepted message and can be told to refuse numbers (422) or to be busy (503).
 */
import http from 'node:http';

export interface GatewayMessage {
  id: string;
  to: string;
  text: string;
  sender: string;
}

export interface SmsGateway {
  apiUrl: string;
  user: string;
  password: string;
  received: GatewayMessage[];
  /** Numbers (E.164) answered with 422 "numara geçersiz". */
  refuse: Set<string>;
  /** While set, every request gets 503. */
  busy: boolean;
  stop(): Promise<void>;
}

export async function startSmsGateway(options: { user?: string; password?: string } = {}): Promise<SmsGateway> {
  const user = options.user ?? 'ofis';
  const password = options.password ?? 'sms-Parola-1';
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const gateway = { received: [] as GatewayMessage[], refuse: new Set<string>(), busy: false } as SmsGateway;
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/messages') return answer(404, { error: 'yok' });
      if (req.headers.authorization !== expected) return answer(401, { error: 'kimlik doğrulanamadı' });
      if (gateway.busy) return answer(503, { error: 'meşgul' });
      let body: Partial<GatewayMessage>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<GatewayMessage>;
      } catch {
        return answer(400, { error: 'JSON okunamadı' });
      }
      if (!body.to || !body.text || !body.sender) return answer(400, { error: 'to, text ve sender gerekli' });
      if (gateway.refuse.has(body.to)) return answer(422, { error: 'numara geçersiz' });
      const message = { id: `gw-${gateway.received.length + 1}`, to: body.to, text: body.text, sender: body.sender };
      gateway.received.push(message);
      return answer(201, { id: message.id });
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  Object.assign(gateway, {
    apiUrl: `http://127.0.0.1:${port}`,
    user,
    password,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return gateway;
}
