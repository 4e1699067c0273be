// namesgenerator.GetRandomName: "adjective_surname", drawn from the injected random. The lists
// are a subset of moby's pkg/namesgenerator (same words, fewer of them).
import type { Random } from '../../kernel/index.js';

const LEFT = (
  'admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy charming ' +
  'clever cool compassionate competent condescending confident cranky crazy dazzling determined distracted dreamy ' +
  'eager ecstatic elastic elated elegant eloquent epic exciting fervent festive flamboyant focused friendly frosty ' +
  'funny gallant gifted goofy gracious great happy hardcore ' +
  'heuristic hopeful hungry infallible inspiring intelligent ' +
  'interesting jolly jovial keen kind laughing loving lucid magical modest musing mystifying naughty nervous nice ' +
  'nifty nostalgic objective optimistic peaceful pedantic pensive practical priceless quirky quizzical recursing ' +
  'relaxed reverent romantic sad serene sharp silly sleepy stoic strange stupefied suspicious sweet tender thirsty ' +
  'trusting unruffled upbeat vibrant vigilant vigorous wizardly wonderful xenodochial youthful zealous zen'
).split(' ');

const RIGHT = (
  'albattani allen almeida agnesi archimedes ardinghelli aryabhata austin babbage banach bardeen bartik bassi ' +
  'beaver bell benz bhabha bhaskara black blackburn blackwell bohr booth borg bose bouman boyd brahmagupta brattain ' +
  'brown buck burnell cannon carson cartwright carver cerf chandrasekhar chaplygin chatelet chatterjee chebyshev ' +
  'cohen chaum clarke colden cori cray curie darwin davinci dewdney dhawan diffie dijkstra dirac driscoll dubinsky ' +
  'easley edison einstein elbakyan elgamal elion ellis engelbart euclid euler faraday feistel fermat fermi feynman ' +
  'franklin gagarin galileo galois ganguly gates gauss germain goldberg goldstine goldwasser golick goodall gould ' +
  'greider grothendieck haibt hamilton haslett hawking hellman heisenberg hermann herschel hertz heyrovsky hodgkin ' +
  'hofstadter hoover hopper hugle hypatia ishizaka jackson jang jemison jennings jepsen johnson joliot jones kalam ' +
  'kapitsa kare keldysh keller kepler khayyam khorana kilby kirch knuth kowalevski lalande lamarr lamport leakey ' +
  'leavitt lederberg lehmann lewin lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer ' +
  'mccarthy mcclintock mclaren mclean mcnulty mendel mendeleev meitner meninsky merkle mestorf mirzakhani montalcini ' +
  'moore morse murdock moser napier nash neumann newton nightingale nobel noether northcutt noyce panini pare pascal ' +
  'pasteur payne perlman pike poincare poitras proskuriakova ptolemy raman ramanujan ride ritchie rhodes robinson ' +
  'roentgen rosalind rubin saha sammet sanderson satoshi shamir shannon shaw shirley shockley shtern sinoussi snyder ' +
  'solomon spence stonebraker sutherland swanson swartz swirles taussig tereshkova tesla tharp thompson torvalds tu ' +
  'turing varahamihira vaughan visvesvaraya volhard villani wescoff wilbur wiles williams williamson wilson wing ' +
  'wozniak wright wu yalow yonath zhukovsky'
).split(' ');

function pick(random: Random, list: readonly string[]): string {
  const [b0 = 0, b1 = 0, b2 = 0] = random.fill(new Uint8Array(4));
  const n = (b0 | (b1 << 8) | (b2 << 16)) >>> 0;
  return list[n % list.length] ?? '';
}

export function randomName(random: Random, retry: number): string {
  let name = `${pick(random, LEFT)}_${pick(random, RIGHT)}`;
  if (name === 'boring_wozniak') return randomName(random, retry); // Steve Wozniak is not boring
  if (retry > 0) name += String(pick(random, '0123456789'.split('')));
  return name;
}

/** daemon/names.go: [a-zA-Z0-9][a-zA-Z0-9_.-]+ (so one character is too short). */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
