import { createHash } from 'node:crypto';
import { Analytics } from '@customerio/cdp-analytics-node';
import { call, type Session } from './record.js';

/**
 * data/fixtures/pipelines-sdk-session.ndjson: one customer's day, from two sides.
 * - Server (@customerio/cdp-analytics-node, the real client: POST /v1/batch, Basic auth): a CRM
 *   sync backfills the lead `crm-4711`; later the shop backend reports an order and registers
 *   two push devices.
 * - Browser (requests shaped as @customerio/cdp-analytics-browser sends them: one POST per call
 *   to /v1/{p,t,i,g,a}, `Content-Type: text/plain`, the write key in the body, `sentAt`,
 *   `userId: null` until identified; customerio/cdp-analytics-js
 *   packages/browser/src/plugins/customerio/normalize.ts, reference §3): settings, an anonymous
 *   visit, a newsletter sign-up (identify by email), account creation (identify by id), the
 *   company (group), and the lead id aliased to the new account.
 */

export const SDK_WRITE_KEY = 'sample-write-key-s3cret';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0); // 2024-05-01T12:00:00Z
const ANONYMOUS_ID = '5f0c9a3e-7b2d-4c8e-a1f6-3d9b8e2c4a70';
const ORIGIN = 'https://shop.example.com';
const USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const CAMPAIGN = '?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale';

type Page = { path: string; referrer: string; search: string; title: string; url: string };

function page(path: string, title: string, referrer: string, search = ''): Page {
  return { path, referrer, search, title, url: `${ORIGIN}${path}${search}` };
}

const HOME = page('/', 'Acme Shop', 'https://mail.example.net/', CAMPAIGN);
const PRODUCT = page('/products/standing-desk-pro', 'Standing Desk Pro – Acme Shop', HOME.url);
const SIGNUP = page('/signup', 'Create your account – Acme Shop', PRODUCT.url);
const ACCOUNT = page('/account', 'Your account – Acme Shop', SIGNUP.url);

const iso = (at: number): string => new Date(T0 + at).toISOString();
const hash = (label: string): string => createHash('md5').update(label).digest('hex');

/** One analytics.js call at `at` ms, as the browser SDK posts it. */
function browserEvent(at: number, current: Page, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    timestamp: iso(at),
    integrations: {},
    ...fields,
    context: {
      page: current,
      userAgent: USER_AGENT,
      locale: 'en-US',
      library: { name: 'analytics.js', version: 'next-0.5.8' },
      // normalize() reads the utm_* parameters of the page the call was made on.
      ...(current.search ? { campaign: { source: 'newsletter', medium: 'email', name: 'spring_sale' } } : {}),
    },
    messageId: `ajs-next-${hash(`${fields.type}:${at}`)}`,
    anonymousId: ANONYMOUS_ID,
    writeKey: SDK_WRITE_KEY,
    userId: null,
    sentAt: iso(at + 14),
    _metadata: { bundled: ['Customer.io Data Pipelines'], unbundled: [], bundledIds: [] },
  };
}

/** The node client's messageId, `node-next-<ms>-<uuid>`, fixed so that regenerating gives the same file. */
function nodeMessageId(at: Date): string {
  const h = hash(at.toISOString());
  return `node-next-${at.getTime()}-${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** The `timestamp` and `messageId` of a node client call made at `at`. */
function stamp(at: Date): { timestamp: Date; messageId: string } {
  return { timestamp: at, messageId: nodeMessageId(at) };
}

async function browser(session: Session, path: string, body: Record<string, unknown>): Promise<void> {
  const headers = { 'content-type': 'text/plain', origin: ORIGIN, 'user-agent': USER_AGENT };
  await call(`${session.url}/v1/${path}`, { method: 'POST', headers, body }, 200);
}

async function server(session: Session, send: (analytics: Analytics) => void): Promise<void> {
  const analytics = new Analytics({ writeKey: SDK_WRITE_KEY, host: session.url, flushInterval: 60_000 });
  send(analytics);
  await analytics.closeAndFlush();
}

export async function driveSdkSession(session: Session): Promise<void> {
  // A nightly CRM sync backfills a lead from two weeks earlier, with its own timestamps.
  session.at(0);
  await server(session, (crm) => {
    const created = '2024-04-18T09:30:00.000Z';
    crm.identify({
      ...stamp(new Date(created)),
      userId: 'crm-4711',
      traits: {
        first_name: 'Ada',
        company_name: 'Acme Inc',
        phone: '+1 555 0100',
        lead_source: 'webinar',
        createdAt: created,
      },
    });
    crm.track({
      ...stamp(new Date('2024-04-18T09:31:00.000Z')),
      userId: 'crm-4711',
      event: 'Demo Requested',
      properties: { product: 'Standing Desk Pro', seats: 25 },
    });
  });

  session.at(150);
  const settings = await call(
    `${session.url}/v1/projects/${SDK_WRITE_KEY}/settings`,
    { headers: { origin: ORIGIN, 'user-agent': USER_AGENT } },
    200,
  );
  if (!JSON.stringify(settings).includes('Customer.io Data Pipelines')) throw new Error('unexpected settings');

  session.at(300);
  await browser(
    session,
    'p',
    browserEvent(300, HOME, { type: 'page', name: 'Home', properties: { name: 'Home', ...HOME } }),
  );
  session.at(700);
  await browser(
    session,
    't',
    browserEvent(700, PRODUCT, {
      type: 'track',
      event: 'Product Viewed',
      properties: { product_id: 'sku-42', sku: 'SDP-42', name: 'Standing Desk Pro', price: 499, currency: 'USD' },
    }),
  );
  // The newsletter form: analytics.identify({ email }) before there is an account.
  session.at(900);
  const newsletter = { email: 'ada@example.com', newsletter_opt_in: true };
  await browser(session, 'i', browserEvent(900, PRODUCT, { type: 'identify', traits: newsletter }));
  // Sign-up: analytics.identify('u-1001', traits); the SDK merges the traits it already holds.
  session.at(1100);
  const traits = { ...newsletter, first_name: 'Ada', last_name: 'Lovelace', plan: 'pro', createdAt: iso(1090) };
  await browser(session, 'i', { ...browserEvent(1100, SIGNUP, { type: 'identify', traits }), userId: 'u-1001' });
  session.at(1300);
  const company = {
    name: 'Acme Inc',
    industry: 'Manufacturing',
    employees: 250,
    object_type_id: '1',
    relationshipAttributes: { role: 'admin' },
  };
  await browser(session, 'g', {
    ...browserEvent(1300, SIGNUP, { type: 'group', groupId: 'acme', traits: company }),
    userId: 'u-1001',
  });
  session.at(1500);
  const account = { type: 'page', name: 'Account', properties: { name: 'Account', ...ACCOUNT } };
  await browser(session, 'p', { ...browserEvent(1500, ACCOUNT, account), userId: 'u-1001' });
  // The sign-up link carried the lead id: analytics.alias('u-1001', 'crm-4711').
  session.at(1700);
  await browser(session, 'a', {
    ...browserEvent(1700, ACCOUNT, { type: 'alias', previousId: 'crm-4711' }),
    userId: 'u-1001',
  });

  // The shop backend: a server-rendered receipt, the order, and the app's push devices.
  session.at(2000);
  await server(session, (shop) => {
    const at = (ms: number): Date => new Date(T0 + ms);
    const receipt = page('/orders/1001', 'Order 1001 – Acme Shop', ACCOUNT.url);
    shop.page({ ...stamp(at(1950)), userId: 'u-1001', name: 'Order Receipt', properties: receipt });
    shop.track({
      ...stamp(at(1960)),
      userId: 'u-1001',
      event: 'Order Completed',
      properties: {
        order_id: '1001',
        total: 548,
        currency: 'USD',
        products: [{ product_id: 'sku-42', sku: 'SDP-42', name: 'Standing Desk Pro', price: 499, quantity: 1 }],
      },
    });
    shop.track({
      ...stamp(at(1970)),
      userId: 'u-1001',
      event: 'Application Installed',
      properties: { version: '3.2.0', build: '320' },
      context: {
        device: { token: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', type: 'ios' },
        app: { name: 'Acme Shop', version: '3.2.0', build: '320' },
        os: { name: 'iOS', version: '17.4' },
      },
    });
    shop.track({
      ...stamp(at(1980)),
      userId: 'u-1001',
      event: 'Device Created or Updated',
      properties: {},
      context: {
        device: { token: 'fcm:cX9kL2mN4pQ6rS8tU0vW2xY4zA6bC8dE', type: 'android' },
        app: { name: 'Acme Shop', version: '3.1.4' },
      },
    });
  });
}
