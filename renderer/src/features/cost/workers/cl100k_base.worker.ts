import { countTokens } from 'gpt-tokenizer/encoding/cl100k_base';
import { serveCounts } from './serveCounts';

serveCounts((text) => countTokens(text));
