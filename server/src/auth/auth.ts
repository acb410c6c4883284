// Who is asking: reads are public; every mutation needs a bearer API key with the right role.
import type { AuthChecker } from 'type-graphql';
import { ApiKeyRole } from '@detente/shared';
import { AppError, ErrorCode } from '../common/errors';
import type { Principal } from './api-key.service';

export interface AuthContext {
  /** The key's principal; resolved on first use, so public reads never touch the key table. */
  principal(): Promise<Principal | null>;
  authorization: string | undefined;
}

/** A key was sent but stands for no one: unknown, malformed or revoked. */
export const invalidKeyError = () => new AppError(ErrorCode.UNAUTHENTICATED, 'The API key is not valid (unknown or revoked)');

/** Admins may do everything editors may. */
const GRANTS: Record<ApiKeyRole, ApiKeyRole[]> = {
  [ApiKeyRole.EDITOR]: [ApiKeyRole.EDITOR],
  [ApiKeyRole.ADMIN]: [ApiKeyRole.EDITOR, ApiKeyRole.ADMIN],
};

export const authChecker: AuthChecker<AuthContext, ApiKeyRole> = async ({ context }, roles) => {
  if (!context.authorization) {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'This needs an API key: send "Authorization: Bearer <key>" (create one with `npm run keys -- create`)',
    );
  }
  const principal = await context.principal();
  if (!principal) throw invalidKeyError();
  const needed = roles.length ? roles : [ApiKeyRole.EDITOR];
  if (!needed.some((role) => GRANTS[principal.role].includes(role))) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `This needs the ${needed.join(' or ').toLowerCase()} role; the key "${principal.name}" is ${principal.role.toLowerCase()}`,
    );
  }
  return true;
};

/** The key from an Authorization header, or undefined when there is none. */
export function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : header ? '' : undefined;
}
