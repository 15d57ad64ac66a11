import { Global, Module } from '@nestjs/common';
import { TimersService } from './timers.service.js';

@Global()
@Module({ providers: [TimersService], exports: [TimersService] })
export class TimersModule {}
