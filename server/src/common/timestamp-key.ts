// A timestamptz sort key as cursor text. PostgreSQL keeps microseconds and a JS Date only milliseconds, so a cursor
// built from the Date would skip or repeat rows that share a millisecond; this text compares exactly when sent back.
export const timestampKeyText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
