// API keys: created once and shown once, stored as a SHA-256 hash, checked in constant time, revocable.
import crypto from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeyRole } from '@detente/shared';
import { ApiKey } from './api-key.entity';

export const KEY_PREFIX = 'dtk_';
const KEY_PATTERN = /^dtk_[A-Za-z0-9_-]{43}$/;
export const KEY_NAME_PATTERN = /^[\w .@-]{1,64}$/;

export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
}

export class ApiKeyError extends Error {}

export const hashKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

export class ApiKeyService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns the new key in clear; it is not stored and cannot be shown again. */
  async create(name: string, role: ApiKeyRole): Promise<{ key: string; record: ApiKey }> {
    if (!KEY_NAME_PATTERN.test(name)) throw new ApiKeyError('The name must be 1–64 letters, digits, spaces or . @ _ -');
    if (!Object.values(ApiKeyRole).includes(role))
      throw new ApiKeyError(`The role must be one of ${Object.values(ApiKeyRole).join(', ').toLowerCase()}`);
    const repo = this.dataSource.getRepository(ApiKey);
    if (await repo.findOne({ where: { name } }))
      throw new ApiKeyError(`A key named "${name}" exists already; revoke it or pick another name`);
    const key = `${KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
    const record = await repo.save(repo.create({ name, role, keyHash: hashKey(key) }));
    return { key, record };
  }

  list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { createdAt: 'ASC' } });
  }

  async revoke(name: string): Promise<ApiKey> {
    const repo = this.dataSource.getRepository(ApiKey);
    const record = await repo.findOne({ where: { name, revokedAt: IsNull() } });
    if (!record) throw new ApiKeyError(`No active key named "${name}"`);
    record.revokedAt = new Date();
    return repo.save(record);
  }

  /** The principal a bearer key stands for, or null for an unknown, malformed or revoked key. */
  async verify(key: string): Promise<Principal | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const hash = hashKey(key);
    const record = await this.dataSource.getRepository(ApiKey).findOne({ where: { keyHash: hash } });
    // The lookup is by hash (an index seek); the final comparison is constant-time all the same.
    if (!record || !crypto.timingSafeEqual(Buffer.from(record.keyHash, 'hex'), Buffer.from(hash, 'hex')) || record.revokedAt) return null;
    return { keyId: record.id, name: record.name, role: record.role };
  }
}
