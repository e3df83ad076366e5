// De Nederlandse catalogus.
import type { Catalogue } from '../catalogue.ts';
import { board } from './board.ts';
import { facilitation } from './facilitation.ts';
import { method } from './method.ts';
import { access } from './access.ts';
import { ui } from './ui.ts';
import { circle } from './circle.ts';
import { memory } from './memory.ts';

export const nl: Catalogue = { board, facilitation, method, access, ui, circle, memory };
