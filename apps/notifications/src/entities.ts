import { Delivery } from './deliveries/delivery.entity.js';

export const NOTIFICATIONS_ENTITIES = [Delivery];
