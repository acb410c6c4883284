// One error vocabulary for the whole API, and the single formatError that maps and masks.
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { withoutEchoes } from './bad-values';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (message: string, field?: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);

/** HTTP status for a code, used when a whole request fails before execution. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
      return 400;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** "first must not be greater than 100"; class-validator's messages already name the property. */
function describeValidationErrors(errors: ValidationErrorLike[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const name = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => message.replace(new RegExp(`^${error.property}\\b`), name));
    return [...own, ...describeValidationErrors(error.children ?? [], name)];
  });
}

function isConnectionError(error: unknown): boolean {
  // pg and TypeORM throw connection failures in several wrappings: the error itself, its driverError, or (when a
  // plain object was thrown) graphql-js's NonErrorThrown carrying it as thrownValue.
  const wrapped = error as { thrownValue?: unknown; driverError?: unknown; cause?: unknown } | null;
  for (const inner of [wrapped?.thrownValue, wrapped?.driverError, wrapped?.cause])
    if (inner && inner !== error && isConnectionError(inner)) return true;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' || // cannot_connect_now
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(message)
  );
}

export interface FormatErrorOptions {
  /** Where masked internal errors go, with the request id that the client also sees. */
  logInternal: (error: unknown, requestId: string | undefined) => void;
  /** Told of every connection failure, so the outage is logged once rather than per request. */
  onDatabaseUnavailable?: (reason: string) => void;
}

// graphql-js prints the rejected variable into its message ("got invalid value { text: "…" }; Field …"): a whole
// article, say. The message keeps the variable, the path and the reason, and drops the value.
const ECHOED_VARIABLE =
  /^(Variable "\$\w+" got invalid value) [\s\S]*?((?: at "[^"]*")?; (?:Field|Expected|Int|Float|String|Boolean|ID|Date|Enum|Value|Invalid|Cannot)\b[\s\S]*)$/;
export const withoutEchoedValue = (message: string) => message.replace(ECHOED_VARIABLE, '$1$2');

export function createFormatError(options: FormatErrorOptions) {
  const format = formatWith(options);
  return (received: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const result = format({ ...received, message: withoutEchoedValue(received.message) }, raw);
    return { ...result, message: withoutEchoes(result.message) };
  };
}

function formatWith({ logInternal, onDatabaseUnavailable }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(raw);
    const requestId = (formatted.extensions?.requestId as string | undefined) ?? undefined;
    const base = { locations: formatted.locations, path: formatted.path };

    // type-graphql's argument validation: name the fields, never echo the input back.
    const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions?.validationErrors;
    if (validationErrors || (original instanceof Error && original.name === 'ArgumentValidationError')) {
      const messages = describeValidationErrors(validationErrors ?? []);
      return {
        ...base,
        message: messages.length ? `Invalid argument: ${messages.join('; ')}` : 'Invalid argument',
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [...new Set((validationErrors ?? []).map((e) => e.property))] },
      };
    }

    const code = formatted.extensions?.code as string | undefined;
    if (code === 'UNAUTHORIZED') {
      // type-graphql's authChecker failure: a key was given but lacks the role, or no key at all.
      return { ...base, message: formatted.message, extensions: { code: ErrorCode.FORBIDDEN } };
    }
    if (code && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      // `http` tells Apollo Server the status and headers; it is not part of the answer (graphql-ws sends it as is).
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...base, message: formatted.message, extensions: { ...extensions, code } };
    }
    const tokens = /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
    if (tokens) {
      return {
        ...base,
        message: `Query has too many tokens: the limit is ${tokens[1]} (MAX_QUERY_TOKENS)`,
        extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'tokens', max: Number(tokens[1]) },
      };
    }
    if (
      code === 'GRAPHQL_PARSE_FAILED' ||
      code === 'GRAPHQL_VALIDATION_FAILED' ||
      code === 'BAD_REQUEST' ||
      code === 'PERSISTED_QUERY_NOT_FOUND' ||
      code === 'OPERATION_RESOLUTION_FAILURE'
    ) {
      // Scalar literal errors ("Expected value of type Date") are bad input too.
      const isValueError = /Expected value of type|has invalid value|got invalid value|^(Argument|Field) "\w+": /.test(formatted.message);
      return { ...base, message: formatted.message, extensions: { code: isValueError ? ErrorCode.BAD_USER_INPUT : code } };
    }
    if (isConnectionError(original)) {
      onDatabaseUnavailable?.(original instanceof Error ? original.message : String(original));
      return {
        ...base,
        message: 'The database is unavailable; try again in a few seconds.',
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    if (/canceling statement due to statement timeout/.test(original instanceof Error ? original.message : '')) {
      return {
        ...base,
        message: 'The query took too long and was cancelled (statement_timeout).',
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    logInternal(original, requestId);
    return {
      ...base,
      message: `Internal server error${requestId ? ` (request id ${requestId})` : ''}`,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}
