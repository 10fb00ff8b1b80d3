'use strict';
// The desk's reason for a failed call: a google.rpc.Status in the grpc-status-details-bin trailer whose details hold
// one tradingdesk.v1.Failure (proto/desk/failures.proto). Both are read here with a few lines of protobuf wire format
// rather than a third package: only field numbers, varints and length-delimited fields are needed.

// Failure's oneof cases by field number, as in failures.proto.
const FAILURE_KINDS = {
  1: 'gateway_error', 2: 'request_timed_out', 3: 'connection_lost', 4: 'risk_denied', 5: 'invalid_request',
  6: 'request_cancelled', 7: 'strategy_id_in_use', 8: 'journal_unavailable', 20: 'report_not_available',
  21: 'option_chain_timed_out', 22: 'scanner_limit_reached',
};

function varint(buf, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

// [{ field, value }]: value is a number for varints, a Buffer for length-delimited fields; other wire types are skipped.
function fields(buf) {
  const out = [];
  let pos = 0;
  while (pos < buf.length) {
    let key;
    [key, pos] = varint(buf, pos);
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      let v;
      [v, pos] = varint(buf, pos);
      out.push({ field, value: v });
    } else if (wire === 2) {
      let len;
      [len, pos] = varint(buf, pos);
      out.push({ field, value: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`wire type ${wire}`);
  }
  return out;
}

// "risk_denied: max-order-quantity, 100 > 50", or null when the error carries no Failure this reader understands.
function describeFailure(err) {
  try {
    const details = err.metadata && err.metadata.get('grpc-status-details-bin')[0];
    if (!details) return null;
    for (const detail of fields(Buffer.from(details)).filter((f) => f.field === 3)) {
      const any = fields(detail.value);
      const typeUrl = any.find((f) => f.field === 1);
      const value = any.find((f) => f.field === 2);
      if (!typeUrl || !value || !typeUrl.value.toString('utf8').endsWith('/tradingdesk.v1.Failure')) continue;
      const [kind] = fields(value.value);
      if (!kind || !FAILURE_KINDS[kind.field]) return null;
      const parts = fields(kind.value).map((f) => (Buffer.isBuffer(f.value) ? f.value.toString('utf8') : String(f.value)));
      return `${FAILURE_KINDS[kind.field]}: ${parts.join(', ')}`;
    }
    return null;
  } catch {
    return null; // a trailer this reader cannot parse: the status code and message still say what happened
  }
}

module.exports = { describeFailure };
