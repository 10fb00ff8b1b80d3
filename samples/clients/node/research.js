#!/usr/bin/env node
// The research side of the desk's gRPC front (tradingdesk.v1.TradingDesk in proto/desk/service.proto): for a symbol,
// its option chain with each option's model greeks, then a scanner's first rows, then the latest news headlines. One
// JSON line per item on stdout, and a `done` line with the counts; exit 0 once all three are printed.
// Any error, or no end within the timeout, exits non-zero with one line on stderr saying why. Bad settings are refused
// before anything is sent.
//
//   TRADINGDESK_URL    the desk, http://host:port (h2c) or https://host:port; default http://127.0.0.1:50051
//   TRADINGDESK_TOKEN  the bearer token (required; a read-only token is enough)
//   TRADINGDESK_PROTO  the folder holding desk/*.proto; default the repository's proto/
//   TRADINGDESK_TIMEOUT_SECONDS  the whole run; default 60
//   TRADINGDESK_GREEKS_SECONDS   how long the options' market data lines wait for model greeks; default 10
//   TRADINGDESK_OPTIONS          at most this many options of the chain get greeks (1 to 50); default 10
//   TRADINGDESK_EXPIRY           only this expiry (YYYYMMDD); default all the desk allows
//   TRADINGDESK_MIN_STRIKE, TRADINGDESK_MAX_STRIKE  the chain's strike bounds (decimals); default none
//   TRADINGDESK_ROWS             scanner rows (1 to 50); default 10
//   TRADINGDESK_HEADLINES        headlines (1 to 300); default 5
//   argv[2]            the symbol; default AAPL
//   argv[3]            IB's scan code; default TOP_PERC_GAIN
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { describeFailure } = require('./failure');

function fail(reason, code = 1) {
  process.stderr.write(`research: ${String(reason).replace(/\s+/g, ' ').trim()}\n`);
  process.exit(code);
}

function print(kind, body) {
  process.stdout.write(JSON.stringify({ kind, ...body }) + '\n');
}

// A whole number from the environment within [min, max], or the default; anything else is a settings error.
function count(name, fallback, min, max) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) fail(`${name} must be a whole number from ${min} to ${max}, got '${text}'`, 2);
  return Number(text);
}

function seconds(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number of seconds, got '${text}'`, 2);
  return value;
}

// Decimals stay text end to end (the desk's wire convention): only the form is checked here.
function strike(name) {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(text)) fail(`${name} must be a decimal like 185.5, got '${text}'`, 2);
  return text;
}

function config() {
  const url = process.env.TRADINGDESK_URL || 'http://127.0.0.1:50051';
  const token = process.env.TRADINGDESK_TOKEN;
  if (!token) fail('TRADINGDESK_TOKEN is not set (the desk wants a bearer token)', 2);
  let target;
  try {
    target = new URL(url);
  } catch {
    fail(`TRADINGDESK_URL '${url}' is not a URL (use http://host:port)`, 2);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') fail(`TRADINGDESK_URL '${url}' must be http:// or https://`, 2);
  const symbol = process.argv[2] || 'AAPL';
  if (!/^[A-Za-z0-9.]+$/.test(symbol)) fail(`'${symbol}' is not a symbol`, 2);
  const scanCode = process.argv[3] || 'TOP_PERC_GAIN';
  if (!/^[A-Z0-9_]+$/.test(scanCode)) fail(`'${scanCode}' is not a scan code (IB's are upper case, e.g. TOP_PERC_GAIN, HOT_BY_VOLUME)`, 2);
  const expiry = process.env.TRADINGDESK_EXPIRY || undefined;
  if (expiry !== undefined && !/^\d{8}$/.test(expiry)) fail(`TRADINGDESK_EXPIRY must be a date YYYYMMDD, got '${expiry}'`, 2);
  const minStrike = strike('TRADINGDESK_MIN_STRIKE');
  const maxStrike = strike('TRADINGDESK_MAX_STRIKE');
  if (minStrike !== undefined && maxStrike !== undefined && Number(minStrike) > Number(maxStrike)) {
    fail(`TRADINGDESK_MIN_STRIKE ${minStrike} is above TRADINGDESK_MAX_STRIKE ${maxStrike}`, 2);
  }
  return {
    target, token, symbol, scanCode, expiry, minStrike, maxStrike,
    timeout: seconds('TRADINGDESK_TIMEOUT_SECONDS', 60),
    greeksWait: seconds('TRADINGDESK_GREEKS_SECONDS', 10),
    options: count('TRADINGDESK_OPTIONS', 10, 1, 50),
    rows: count('TRADINGDESK_ROWS', 10, 1, 50),
    headlines: count('TRADINGDESK_HEADLINES', 5, 1, 300),
    protoRoot: process.env.TRADINGDESK_PROTO || path.resolve(__dirname, '../../../proto'),
  };
}

function connect({ target, token, protoRoot }) {
  // keepCase: field names as in the .proto; enums as their names; int64 as strings; oneofs: the set case in `kind`.
  // defaults: false, so a proto3 `optional` field the desk left unset (a greek IB did not compute) stays absent.
  const definition = protoLoader.loadSync('desk/service.proto', {
    keepCase: true, longs: String, enums: String, defaults: false, oneofs: true, includeDirs: [protoRoot],
  });
  const api = grpc.loadPackageDefinition(definition).tradingdesk.v1;
  const transport = target.protocol === 'https:' ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
  const client = new api.TradingDesk(target.host, transport);
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return { client, metadata };
}

// A failed call as one line: the status, the desk's words and its Failure from the status details.
class CallFailed extends Error {
  constructor(name, err) {
    const failure = describeFailure(err);
    super(`${name} failed: ${grpc.status[err.code] || err.code}: ${err.details || err.message}${failure ? ` (${failure})` : ''}`);
  }
}

function unary(client, metadata, name, request) {
  return new Promise((resolve, reject) => {
    client[name](request, metadata, (err, reply) => (err ? reject(new CallFailed(name, err)) : resolve(reply)));
  });
}

// An Instant (unix seconds, nanos, offset) as ISO 8601 in UTC; null when absent.
function iso(instant) {
  if (!instant) return null;
  return new Date(Number(instant.unix_seconds || 0) * 1000 + Math.floor((instant.nanos || 0) / 1e6)).toISOString();
}

const GREEKS = ['implied_volatility', 'delta', 'gamma', 'vega', 'theta', 'option_price', 'pv_dividend', 'underlying_price'];
const MODEL_COMPUTATIONS = new Set([13, 83]); // IB's model option computation, live and delayed: the one with every greek

function greeksOf(computation) {
  const values = {};
  for (const name of GREEKS) if (computation.greeks && computation.greeks[name] !== undefined) values[name] = computation.greeks[name];
  return values;
}

// One market data line per option, each ended as soon as its model greeks arrive or when the wait is over; resolves
// with the greeks by conId (an option whose line sent none, e.g. on a closed market, is absent).
function modelGreeks(client, metadata, options, waitSeconds, streams) {
  return new Promise((resolve, reject) => {
    const found = new Map();
    const open = new Map();
    let settled = false;
    const settle = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const line of open.values()) line.cancel();
      if (err) reject(err);
      else resolve(found);
    };
    const timer = setTimeout(() => settle(), waitSeconds * 1000);
    for (const option of options) {
      const line = client.StreamMarketData({ contract: option.contract, generic_ticks: '' }, metadata);
      open.set(option.con_id, line);
      streams.add(line);
      line.on('data', (event) => {
        const computation = event.option_computation;
        if (!computation || !MODEL_COMPUTATIONS.has(computation.type)) return;
        found.set(option.con_id, greeksOf(computation));
        open.delete(option.con_id);
        line.cancel();
        if (open.size === 0) settle();
      });
      line.on('error', (err) => {
        streams.delete(line);
        // Our own cancel reports CANCELLED: that is how a line ends here, not a failure.
        if (err.code !== grpc.status.CANCELLED) settle(new CallFailed('StreamMarketData', err));
      });
    }
    if (options.length === 0) settle();
  });
}

// The scanner's first result set, then the subscription is ended.
function firstScan(client, metadata, settings, streams) {
  return new Promise((resolve, reject) => {
    const request = {
      subscription: { scan_code: settings.scanCode, instrument: 'STK', location_code: 'STK.US.MAJOR', rows: settings.rows },
      filters: [],
    };
    const scan = client.StreamScanner(request, metadata);
    streams.add(scan);
    let done = false;
    scan.on('data', (event) => {
      if (done || !event.results) return; // notes (resubscribed, a gateway notice) carry no rows
      done = true;
      scan.cancel();
      resolve(event.results.rows || []);
    });
    scan.on('error', (err) => {
      streams.delete(scan);
      if (!done) reject(new CallFailed('StreamScanner', err));
    });
    scan.on('end', () => {
      if (!done) reject(new Error('StreamScanner ended without a result set'));
    });
  });
}

async function research(client, metadata, settings, streams) {
  const stock = { symbol: settings.symbol, sec_type: 'SEC_TYPE_STOCK', exchange: 'SMART', currency: 'USD' };
  const details = await unary(client, metadata, 'GetContractDetails', { contract: stock });
  const detail = (details.details || [])[0];
  if (!detail || !detail.con_id) throw new Error(`the gateway knows no stock ${settings.symbol} (SMART, USD)`);
  const conId = detail.con_id;
  print('underlying', { symbol: settings.symbol, con_id: conId, long_name: detail.long_name || '' });

  const filter = { exchange: 'SMART', max_expirations: 12, max_contracts: 500 };
  if (settings.expiry) Object.assign(filter, { from_expiry: settings.expiry, to_expiry: settings.expiry });
  if (settings.minStrike !== undefined) filter.min_strike = settings.minStrike;
  if (settings.maxStrike !== undefined) filter.max_strike = settings.maxStrike;
  const chain = await unary(client, metadata, 'GetOptionChain', { underlying: { ...stock, con_id: conId }, filter });
  const options = (chain.options || []).slice(0, settings.options);
  const greeks = await modelGreeks(client, metadata, options, settings.greeksWait, streams);
  for (const o of options) {
    print('option', {
      con_id: o.con_id, expiry: o.expiry, strike: o.strike, right: o.right, trading_class: o.trading_class || '', multiplier: o.multiplier || '',
      greeks: greeks.get(o.con_id) || null,
    });
  }

  const rows = (await firstScan(client, metadata, settings, streams)).slice(0, settings.rows);
  for (const r of rows) {
    const c = r.contract || {};
    print('scan_row', {
      rank: r.rank || 0, symbol: c.symbol, sec_type: c.sec_type, con_id: r.con_id || 0, exchange: c.exchange || '', currency: c.currency || '',
      market_name: r.market_name || '', distance: r.distance || '', benchmark: r.benchmark || '', projection: r.projection || '',
    });
  }

  // Historical news needs provider codes: every provider this login may read.
  const providers = ((await unary(client, metadata, 'GetNewsProviders', {})).providers || []).map((p) => p.code);
  let headlines = [];
  if (providers.length > 0) {
    const news = await unary(client, metadata, 'GetHistoricalNews', { con_id: conId, provider_codes: providers, total_results: settings.headlines });
    headlines = news.headlines || [];
  }
  for (const h of headlines) {
    print('headline', { time: iso(h.time), time_text: h.time_text || '', provider_code: h.provider_code, article_id: h.article_id, text: h.text || '' });
  }
  print('done', { options: options.length, with_greeks: greeks.size, rows: rows.length, headlines: headlines.length, providers });
}

function main() {
  const settings = config();
  const { client, metadata } = connect(settings);
  const streams = new Set();
  const end = (code, reason) => {
    for (const s of streams) s.cancel();
    client.close();
    if (code === 0) process.exit(0);
    fail(reason, code);
  };
  const timer = setTimeout(() => end(1, `timed out after ${settings.timeout} s`), settings.timeout * 1000);
  timer.unref();
  research(client, metadata, settings, streams).then(
    () => end(0),
    (err) => end(1, err && err.message ? err.message.split('\n')[0] : String(err)),
  );
}

try {
  main();
} catch (e) {
  fail(e && e.message ? e.message.split('\n')[0] : String(e));
}
