import { Module } from '@nestjs/common';
import { HomeController } from './home.controller.js';

/** The start page, the language switch and the session keep-alive. */
@Module({ controllers: [HomeController] })
export class HomeModule {}
