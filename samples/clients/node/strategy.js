#!/usr/bin/env node
// A small strategy against the desk's gRPC front (tradingdesk.v1.TradingDesk in proto/desk/service.proto):
// streams quotes for a symbol (one JSON line per item on stdout), places a limit buy away from the market once a price
// is seen, cancels it, prints the order updates, and exits 0 when the desk confirms the cancel.
// Any error, or no confirmation within the timeout, exits non-zero with one line on stderr saying why.
//
//   TRADINGDESK_URL    the desk, http://host:port (h2c) or https://host:port; default http://127.0.0.1:50051
//   TRADINGDESK_TOKEN  the bearer token (required)
//   TRADINGDESK_PROTO  the folder holding desk/*.proto; default the repository's proto/
//   TRADINGDESK_TIMEOUT_SECONDS  default 30
//   argv[2]            the symbol; default AAPL
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { describeFailure } = require('./failure');

function fail(reason, code = 1) {
  process.stderr.write(`strategy: ${String(reason).replace(/\s+/g, ' ').trim()}\n`);
  process.exit(code);
}

// One JSON line per item. proto-loader marks each proto3 `optional` field's synthetic oneof with a `_name` key, at any
// depth: dropped.
function withoutSyntheticOneofs(value) {
  if (Array.isArray(value)) return value.map(withoutSyntheticOneofs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_')).map(([key, v]) => [key, withoutSyntheticOneofs(v)]));
}

function print(kind, body) {
  process.stdout.write(JSON.stringify({ ...withoutSyntheticOneofs(body || {}), kind }) + '\n');
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
  const timeout = Number(process.env.TRADINGDESK_TIMEOUT_SECONDS || '30');
  if (!Number.isFinite(timeout) || timeout <= 0) fail('TRADINGDESK_TIMEOUT_SECONDS must be a positive number', 2);
  const symbol = process.argv[2] || 'AAPL';
  if (!/^[A-Za-z0-9.]+$/.test(symbol)) fail(`'${symbol}' is not a symbol`, 2);
  const protoRoot = process.env.TRADINGDESK_PROTO || path.resolve(__dirname, '../../../proto');
  return { target, token, timeout, symbol, protoRoot };
}

function connect({ target, token, protoRoot }) {
  // keepCase: field names as in the .proto; enums as their names; int64 as strings; oneofs: the set case in `kind`.
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

// A limit price away from the market: 10 % under the price seen, in whole cents (a buy that will not fill).
function awayFromMarket(price) {
  const cents = Math.floor(Number(price) * 90);
  if (!Number.isFinite(cents) || cents <= 0) return null;
  return (cents / 100).toFixed(2);
}

const PRICE_TICKS = new Set([1, 2, 4, 9, 66, 67, 68, 75]); // bid, ask, last, close and their delayed twins

function main() {
  const settings = config();
  const { client, metadata } = connect(settings);
  const contract = { symbol: settings.symbol, sec_type: 'SEC_TYPE_STOCK', exchange: 'SMART', currency: 'USD' };
  const streams = [];
  let orderId = null;
  let finished = false;
  const cancelled = new Set();

  const finish = (code, reason) => {
    if (finished) return;
    finished = true;
    for (const s of streams) s.cancel();
    client.close();
    if (code === 0) process.exit(0);
    fail(reason, code);
  };
  const callFailed = (name) => (err) => {
    // Ending our own streams reports CANCELLED: that is not a failure.
    if (finished && err.code === grpc.status.CANCELLED) return;
    const failure = describeFailure(err);
    const reason = `${grpc.status[err.code] || err.code}: ${err.details || err.message}${failure ? ` (${failure})` : ''}`;
    finish(1, `${name} failed: ${reason}`);
  };
  const confirmIfCancelled = () => {
    if (orderId !== null && cancelled.has(orderId)) {
      print('done', { order_id: orderId });
      finish(0);
    }
  };

  const timer = setTimeout(() => finish(1, `timed out after ${settings.timeout} s without a confirmed cancel`), settings.timeout * 1000);
  timer.unref();

  const updates = client.StreamOrderUpdates({}, metadata);
  streams.push(updates);
  updates.on('data', (update) => {
    print('order_update', { event: update.kind, ...update[update.kind] });
    const status = update.status;
    if (status && (status.status === 'ORDER_STATUS_CANCELLED' || status.status === 'ORDER_STATUS_API_CANCELLED')) {
      cancelled.add(status.order_id);
      confirmIfCancelled();
    }
  });
  updates.on('error', callFailed('StreamOrderUpdates'));

  let placing = false;
  const quotes = client.StreamMarketData({ contract, generic_ticks: '' }, metadata);
  streams.push(quotes);
  quotes.on('data', (event) => {
    print(event.kind || 'unknown', event[event.kind] || {});
    const tick = event.tick;
    if (placing || !tick || tick.price === undefined || !PRICE_TICKS.has(tick.type)) return;
    const limit = awayFromMarket(tick.price);
    if (limit === null) return;
    placing = true;
    placeAndCancel(limit);
  });
  quotes.on('error', callFailed('StreamMarketData'));

  function placeAndCancel(limit) {
    const order = {
      action: 'ORDER_ACTION_BUY', quantity: '1', type: 'ORDER_TYPE_LIMIT', limit_price: limit,
      time_in_force: 'TIME_IN_FORCE_DAY', transmit: true,
    };
    client.PlaceOrder({ contract, order }, metadata, (err, accepted) => {
      if (err) return callFailed('PlaceOrder')(err);
      orderId = accepted.order_id;
      print('order_accepted', { order_id: orderId, limit_price: limit });
      client.CancelOrder({ order_id: orderId }, metadata, (cancelErr, sent) => {
        if (cancelErr) return callFailed('CancelOrder')(cancelErr);
        print('cancel_sent', { order_id: sent.order_id });
        confirmIfCancelled();
      });
    });
  }
}

try {
  main();
} catch (e) {
  fail(e && e.message ? e.message.split('\n')[0] : String(e));
}
