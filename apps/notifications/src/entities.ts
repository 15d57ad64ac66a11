import { AuditEntry } from '@app/common';
import { Delivery } from './deliveries/delivery.entity.js';
import { Preference } from './preferences/preference.entity.js';
import { Reminder } from './reminders/reminder.entity.js';

export const NOTIFICATIONS_ENTITIES = [Delivery, Reminder, Preference, AuditEntry];
