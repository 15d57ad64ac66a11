import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';

export class AppealDto {
  @ApiProperty({ example: ['K2', 'K3'], description: 'Ids of the contested criteria' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  criteria: string[];

  @ApiProperty({ example: 'Oceniający pominęli analizę rynku zawartą w sekcji 3 biznesplanu.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10_000)
  justification: string;
}
