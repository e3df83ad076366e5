// The board's message catalogues: English is the reference; every other language
// is typed against it, so a missing or extra key fails the typecheck.
import { board } from './en/board.ts';
import { facilitation } from './en/facilitation.ts';
import { method } from './en/method.ts';
import { access } from './en/access.ts';
import { ui } from './en/ui.ts';
import { circle } from './en/circle.ts';
import { memory } from './en/memory.ts';

export const en = { board, facilitation, method, access, ui, circle, memory };

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Catalogue = Strings<typeof en>;
