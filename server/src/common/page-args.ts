// The Relay paging arguments every connection takes: first/after forwards, last/before backwards.
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `Page size counted from the start (or from \`after\`), 1 to ${MAX_PAGE_SIZE}. Ignored when \`last\` is given.`,
  })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (from `pageInfo.endCursor`).' })
  @IsOptional()
  @MaxLength(300)
  after?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Page size counted back from the end (or from \`before\`), 1 to ${MAX_PAGE_SIZE}; takes precedence over \`first\`.`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return the items before this cursor (from `pageInfo.startCursor`).' })
  @IsOptional()
  @MaxLength(300)
  before?: string;
}
