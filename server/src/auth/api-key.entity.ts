// API keys for editors and admins; only the SHA-256 hash of a key is stored.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ApiKeyRole } from '@detente/shared';

@Entity('api_key')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  role: ApiKeyRole;

  @Column({ type: 'char', length: 64, name: 'key_hash', unique: true })
  keyHash: string;

  @Column({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;
}
