// Makes zod parse with its plain parsers instead of compiling one for each object schema on its first parse, which a
// command that parses each schema about once never wins back; imported by main before any schema is built (Node, the CLI process).
import { z } from 'zod';

z.config({ jitless: true });
