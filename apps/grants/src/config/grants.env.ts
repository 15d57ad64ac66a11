import { BaseEnv } from '@app/common';

export class GrantsEnv extends BaseEnv {
  override PORT = 3002;
}
