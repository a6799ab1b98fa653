/* Loops over code points in C: the Screen's (textfix/screen.py), that of the double-byte
 * automata (textfix/detect/sequences_in_a_row.py, may_hold_words), that of the
 * codepages that can encode a text (textfix/detect/readings.py, _encodable_by) and a
 * single-byte codepage's encoder (textfix/codecs.py, encode) and the readings of a text
 * as UTF-8 through the codepages (textfix/detect/readings.py, complete_readings), with
 * the tables they read.
 *
 * Compiled by mypyc, such a loop spends most of its instructions checking each read: a
 * character's kind, a table index's bounds, a byte turned into a Python int and back
 * (the screen took about 57 instructions a character, a fifth of the time of the clean
 * fast path on multilingual lines; here about 23). Each module keeps its own loop, which
 * runs wherever this one is not built; the tests check that the two agree. Every table
 * comes as a bytes object whose size is checked against its layout at every call, so no
 * input can make a loop read out of bounds.
 *
 * The screen's tables come as one bytes object, made once per Screen
 * (Screen._scan_tables), in the machine's byte order: six signed 64-bit integers (the
 * class bits of characters beyond the Basic Multilingual Plane, the single, pair, triple
 * and quad first bits, the number of searches), one 64-bit mask per search, then each
 * code point's class bits as a 32-bit word (words_of_planes).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define TABLE_SIZE 0x10000
#define HEADER_FIELDS 6
#define MAX_SEARCHES 63

/* Python before 3.12 may hold a str in a form PyUnicode_DATA cannot read yet. */
static int text_ready(PyObject *text) {
#if PY_VERSION_HEX < 0x030C0000
    return PyUnicode_READY(text);
#else
    (void)text;
    return 0;
#endif
}

/* The 32-bit word of a code point in a table of words (words_of_planes). */
static uint32_t word_at(const char *table, Py_UCS4 point) {
    uint32_t word;
    memcpy(&word, table + (size_t)point * sizeof(uint32_t), sizeof(uint32_t));
    return word;
}

static int64_t read_field(const char *data, Py_ssize_t index) {
    int64_t value;
    memcpy(&value, data + index * (Py_ssize_t)sizeof(int64_t), sizeof(int64_t));
    return value;
}

/* The needs under way as bits of the class each awaits next: after a first character,
 * the rest bit of every longer need that starts there (under_way1); after one character
 * of its rest, that of the triples and quads (under_way2); after two, the quads'
 * (under_way3). Screen._fired's test of the three characters before, in fewer steps. */
#define SCREEN_LOOP(CHAR_TYPE, CHECK_PLANE)                                                  \
    do {                                                                                     \
        const CHAR_TYPE *chars = (const CHAR_TYPE *)data;                                    \
        for (Py_ssize_t index = 0; index < length; index++) {                                \
            uint32_t point = chars[index];                                                   \
            uint64_t bits = astral;                                                          \
            if (!(CHECK_PLANE) || point < TABLE_SIZE) {                                      \
                bits = word_at(table, point);                                                \
            }                                                                                \
            fired |= bits & (single | (under_way1 & pair_rests) | (under_way2 & triple_rests) |  \
                             (under_way3 & quad_rests));                                     \
            under_way3 = under_way2 & bits & quad_rests;                                     \
            under_way2 = under_way1 & bits & (triple_rests | quad_rests);                    \
            under_way1 = (bits & longer_firsts) << 1;                                        \
        }                                                                                    \
    } while (0)

static PyObject *screen_may_match(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "screen_may_match(text: str, tables: bytes)");
        return NULL;
    }
    PyObject *text = args[0];
    const char *tables = PyBytes_AS_STRING(args[1]);
    Py_ssize_t size = PyBytes_GET_SIZE(args[1]);
    Py_ssize_t header = HEADER_FIELDS * (Py_ssize_t)sizeof(int64_t);
    int64_t searches = size >= header ? read_field(tables, 5) : -1;
    if (searches < 0 || searches > MAX_SEARCHES ||
        size != header + searches * (Py_ssize_t)sizeof(int64_t) + TABLE_SIZE * (Py_ssize_t)sizeof(uint32_t)) {
        PyErr_SetString(PyExc_ValueError, "screen_may_match: tables of the wrong layout");
        return NULL;
    }
    if (text_ready(text) < 0) {
        return NULL;
    }
    uint64_t astral = (uint64_t)read_field(tables, 0);
    uint64_t single = (uint64_t)read_field(tables, 1);
    uint64_t pairs = (uint64_t)read_field(tables, 2);
    uint64_t triples = (uint64_t)read_field(tables, 3);
    uint64_t quads = (uint64_t)read_field(tables, 4);
    uint64_t longer_firsts = pairs | triples | quads;
    uint64_t pair_rests = pairs << 1, triple_rests = triples << 1, quad_rests = quads << 1;
    const char *table = tables + header + searches * (Py_ssize_t)sizeof(int64_t);

    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    uint64_t fired = 0, under_way1 = 0, under_way2 = 0, under_way3 = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        SCREEN_LOOP(Py_UCS1, 0);
        break;
    case PyUnicode_2BYTE_KIND:
        SCREEN_LOOP(Py_UCS2, 0);
        break;
    default:
        SCREEN_LOOP(Py_UCS4, 1);
        break;
    }
    uint64_t found = 0;
    if (fired) {
        for (int64_t search = 0; search < searches; search++) {
            if (fired & (uint64_t)read_field(tables, HEADER_FIELDS + search)) {
                found |= (uint64_t)1 << search;
            }
        }
    }
    return PyLong_FromUnsignedLongLong(found);
}

/* The automata's layout, as sequences_in_a_row.py writes it (tests/test_doublebyte.py
 * checks that the two agree). */
#define STATES 53
#define FOUND 1
#define STATE_BITS 6
#define STATE_MASK ((1 << STATE_BITS) - 1)
#define MOVES_SIZE (256 * STATES)
#define MOST_AUTOMATA (63 / STATE_BITS)

/* may_hold_words(text, automata) of sequences_in_a_row.py, whose docstring says what it
 * answers; the arguments are the fields of its Automata. A next state read from the
 * moves is checked to be a state (the Python loop would fail on an index out of range):
 * tables of another layout raise ValueError, never read out of bounds. */
static PyObject *automata_may_hold_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 6 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1]) || !PyBytes_Check(args[2]) ||
        !PyLong_Check(args[3]) || !PyLong_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError,
                        "automata_may_hold_words(text: str, planes: bytes, moves: bytes, codepages: int, "
                        "untabled: int, ascii_resets: bool)");
        return NULL;
    }
    PyObject *text = args[0];
    long count = PyLong_AsLong(args[3]);
    long long untabled = PyLong_AsLongLong(args[4]);
    int ascii_resets = PyObject_IsTrue(args[5]);
    if (PyErr_Occurred() || ascii_resets < 0) {
        return NULL;
    }
    if (count < 1 || count > MOST_AUTOMATA || untabled < 0 || untabled >= (1LL << count) ||
        PyBytes_GET_SIZE(args[1]) != TABLE_SIZE * (Py_ssize_t)count ||
        PyBytes_GET_SIZE(args[2]) != MOVES_SIZE * (Py_ssize_t)count) {
        PyErr_SetString(PyExc_ValueError, "automata_may_hold_words: tables of the wrong layout");
        return NULL;
    }
    if (text_ready(text) < 0) {
        return NULL;
    }
    const unsigned char *planes = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    const unsigned char *moves = (const unsigned char *)PyBytes_AS_STRING(args[2]);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    const uint64_t every = ((uint64_t)1 << count) - 1;
    uint64_t found = (uint64_t)untabled;
    uint64_t states = 0;
    for (Py_ssize_t index = 0; index < length && found != every; index++) {
        Py_UCS4 point = PyUnicode_READ(kind, data, index);
        if (point < 0x80 && ascii_resets) {
            states = 0;
            continue;
        }
        if (point >= TABLE_SIZE) {
            return PyLong_FromUnsignedLongLong(every);
        }
        const unsigned char *row = planes + (size_t)point * (size_t)count;
        for (long codepage = 0; codepage < count; codepage++) {
            if (found >> codepage & 1) {
                continue;
            }
            int shift = STATE_BITS * (int)codepage;
            unsigned state = moves[(size_t)codepage * MOVES_SIZE + (size_t)row[codepage] * STATES +
                                   (size_t)(states >> shift & STATE_MASK)];
            if (state >= STATES) {
                PyErr_SetString(PyExc_ValueError, "automata_may_hold_words: a move to no state");
                return NULL;
            }
            if (state == FOUND) {
                found |= (uint64_t)1 << codepage;
            }
            states = (states & ~((uint64_t)STATE_MASK << shift)) | (uint64_t)state << shift;
        }
    }
    return PyLong_FromUnsignedLongLong(found);
}

/* The mask ANDed with the 32-bit word of the table (one a code point, in the machine's
 * byte order) of every character of the text beyond ASCII; 0 at a character beyond the
 * table. Stops where the mask is 0. */
static PyObject *mask_all(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1]) || !PyLong_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "mask_all(text: str, table: bytes, mask: int)");
        return NULL;
    }
    PyObject *text = args[0];
    unsigned long long start = PyLong_AsUnsignedLongLong(args[2]);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t size = PyBytes_GET_SIZE(args[1]);
    if (start > UINT32_MAX || size % (Py_ssize_t)sizeof(uint32_t) != 0) {
        PyErr_SetString(PyExc_ValueError, "mask_all: a table of 32-bit words and a mask of 32 bits");
        return NULL;
    }
    if (text_ready(text) < 0) {
        return NULL;
    }
    const char *table = PyBytes_AS_STRING(args[1]);
    const Py_ssize_t points = size / (Py_ssize_t)sizeof(uint32_t);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    uint32_t mask = (uint32_t)start;
    for (Py_ssize_t index = 0; index < length && mask; index++) {
        Py_UCS4 point = PyUnicode_READ(kind, data, index);
        if (point < 0x80) {
            continue;
        }
        if ((Py_ssize_t)point >= points) {
            mask = 0;
            break;
        }
        mask &= word_at(table, point);
    }
    return PyLong_FromUnsignedLong(mask);
}

/* A codepage's encoding table (encoding_table_of): 256 block numbers, one for each
 * high byte of a code point of the Basic Multilingual Plane (0: none of its code points
 * has a byte), then the blocks, 256 16-bit entries each in the machine's byte order, at
 * the low byte: 0 for no byte, else the byte + 1. */
#define BLOCK_BYTES (256 * (Py_ssize_t)sizeof(uint16_t))

/* Where the entry of a code point of block `block` (from 1) lies in an encoding table. */
static size_t entry_at(Py_ssize_t block, Py_UCS4 point) {
    return (size_t)(256 + (block - 1) * BLOCK_BYTES) + (point & 0xFF) * sizeof(uint16_t);
}

/* How many blocks an encoding table holds; -1 (a ValueError set) where it has not the
 * layout above. */
static Py_ssize_t table_blocks(PyObject *table, const char *name) {
    const Py_ssize_t size = PyBytes_GET_SIZE(table);
    if (size < 256 || (size - 256) % BLOCK_BYTES != 0) {
        PyErr_Format(PyExc_ValueError, "%s: a table of the wrong layout", name);
        return -1;
    }
    return (size - 256) / BLOCK_BYTES;
}

/* The byte a code point encodes as through a table (encode_through's), -1 for none. */
static inline int encoded_byte(const unsigned char *blocks_of, Py_ssize_t blocks, Py_UCS4 point) {
    Py_ssize_t block = point < TABLE_SIZE ? blocks_of[point >> 8] : 0;
    uint16_t entry = 0;
    if (block != 0 && block <= blocks) {
        memcpy(&entry, blocks_of + entry_at(block, point), sizeof(uint16_t));
    }
    return entry == 0 || entry > 256 ? -1 : (int)entry - 1;
}

/* The encoding table of a codepage whose characters `chars` encode as the bytes `data`,
 * one for one (codecs.encoding_table gives them, from Python's charmap). */
static PyObject *encoding_table_of(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "encoding_table_of(chars: str, data: bytes)");
        return NULL;
    }
    PyObject *chars = args[0];
    if (text_ready(chars) < 0) {
        return NULL;
    }
    const int kind = PyUnicode_KIND(chars);
    const void *data = PyUnicode_DATA(chars);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(chars);
    const unsigned char *bytes_of = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    if (PyBytes_GET_SIZE(args[1]) != length) {
        PyErr_SetString(PyExc_ValueError, "encoding_table_of: a byte for each character");
        return NULL;
    }
    unsigned char numbers[256] = {0};
    Py_ssize_t blocks = 0;
    for (Py_ssize_t index = 0; index < length; index++) {
        Py_UCS4 point = PyUnicode_READ(kind, data, index);
        if (point >= TABLE_SIZE || (numbers[point >> 8] == 0 && blocks == 255)) {
            PyErr_SetString(PyExc_ValueError, "encoding_table_of: characters of the Basic Multilingual Plane, "
                                              "in at most 255 blocks of 256");
            return NULL;
        }
        if (numbers[point >> 8] == 0) {
            numbers[point >> 8] = (unsigned char)++blocks;
        }
    }
    PyObject *table = PyBytes_FromStringAndSize(NULL, 256 + blocks * BLOCK_BYTES);
    if (table == NULL) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(table);
    memcpy(out, numbers, 256);
    memset(out + 256, 0, (size_t)(blocks * BLOCK_BYTES));
    for (Py_ssize_t index = 0; index < length; index++) {
        Py_UCS4 point = PyUnicode_READ(kind, data, index);
        uint16_t entry = (uint16_t)(bytes_of[index] + 1);
        memcpy(out + entry_at(numbers[point >> 8], point), &entry, sizeof(uint16_t));
    }
    return table;
}

/* The text's bytes through the table, or None where a character has none (what Python's
 * charmap encoder would raise UnicodeEncodeError for, at the cost of an exception). */
static PyObject *encode_through(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "encode_through(text: str, table: bytes)");
        return NULL;
    }
    PyObject *text = args[0];
    const Py_ssize_t blocks = table_blocks(args[1], "encode_through");
    if (blocks < 0 || text_ready(text) < 0) {
        return NULL;
    }
    const unsigned char *blocks_of = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *encoded = PyBytes_FromStringAndSize(NULL, length);
    if (encoded == NULL) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(encoded);
    for (Py_ssize_t index = 0; index < length; index++) {
        const int byte = encoded_byte(blocks_of, blocks, PyUnicode_READ(kind, data, index));
        if (byte < 0) {
            Py_DECREF(encoded);
            Py_RETURN_NONE;
        }
        out[index] = (unsigned char)byte;
    }
    return encoded;
}

/* The UTF-8 a codepage's bytes must make, byte by byte (Unicode's table 3-7, as
 * Python's strict decoder takes it: no overlong form, surrogate or code point past
 * U+10FFFF): the continuation bytes still awaited and the range of the next one. */
typedef struct {
    int awaited;
    unsigned char low, high;
} Utf8State;

/* Whether `byte` may come next (the state moved past it). */
static inline int utf8_takes(Utf8State *state, int byte) {
    if (state->awaited > 0) {
        if (byte < state->low || byte > state->high) {
            return 0;
        }
        state->awaited--;
        state->low = 0x80;
        state->high = 0xBF;
    } else if (byte >= 0x80) {
        if (byte >= 0xC2 && byte <= 0xDF) {
            state->awaited = 1;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            state->awaited = 2;
            state->low = byte == 0xE0 ? 0xA0 : 0x80;
            state->high = byte == 0xED ? 0x9F : 0xBF;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            state->awaited = 3;
            state->low = byte == 0xF0 ? 0x90 : 0x80;
            state->high = byte == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
    }
    return 1;
}

#define ENCODE_AS_UTF8(CHAR_TYPE)                                                        \
    do {                                                                                 \
        const CHAR_TYPE *chars = (const CHAR_TYPE *)data;                                \
        for (Py_ssize_t index = 0; index < length; index++) {                            \
            const int byte = encoded_byte(blocks_of, blocks, chars[index]);              \
            if (byte < 0 || !utf8_takes(&state, byte)) {                                 \
                return 0;                                                                \
            }                                                                            \
            out[index] = (unsigned char)byte;                                            \
        }                                                                                \
    } while (0)

/* The text through one table into `out`, if every character encodes and the bytes are
 * UTF-8 (checked as they are made, so that a codepage that does not read the text stops
 * at its first wrong byte, most often the first beyond ASCII). */
static int encodes_as_utf8(int kind, const void *data, Py_ssize_t length, const unsigned char *blocks_of,
                           Py_ssize_t blocks, unsigned char *out) {
    Utf8State state = {0, 0x80, 0xBF};
    if (kind == PyUnicode_1BYTE_KIND) {
        ENCODE_AS_UTF8(Py_UCS1);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        ENCODE_AS_UTF8(Py_UCS2);
    } else {
        ENCODE_AS_UTF8(Py_UCS4);
    }
    return state.awaited == 0;
}

/* For each codepage of the mask (bit i: the i-th table), in order, through which all of
 * the text encodes into UTF-8: (i, the bytes, the text they decode to). The readings of
 * textfix/detect/readings.py's complete_readings, where each codepage's bytes were made
 * whole, then decoded, a failed decode costing an exception. */
static PyObject *utf8_readings(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyLong_Check(args[1]) || !PyTuple_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "utf8_readings(text: str, mask: int, tables: tuple[bytes, ...])");
        return NULL;
    }
    PyObject *text = args[0];
    PyObject *tables = args[2];
    const Py_ssize_t count = PyTuple_GET_SIZE(tables);
    const unsigned long long mask = PyLong_AsUnsignedLongLong(args[1]);
    if (mask == (unsigned long long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (count > 64 || (count < 64 && mask >> count != 0)) {
        PyErr_SetString(PyExc_ValueError, "utf8_readings: a mask bit without a table");
        return NULL;
    }
    for (Py_ssize_t index = 0; index < count; index++) {
        PyObject *table = PyTuple_GET_ITEM(tables, index);
        if (!PyBytes_Check(table)) {
            PyErr_SetString(PyExc_TypeError, "utf8_readings: the tables must be bytes");
            return NULL;
        }
        if (table_blocks(table, "utf8_readings") < 0) {
            return NULL;
        }
    }
    if (text_ready(text) < 0) {
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *readings = PyList_New(0);
    unsigned char *out = PyMem_Malloc(length > 0 ? (size_t)length : 1);
    if (readings == NULL || out == NULL) {
        Py_XDECREF(readings);
        PyMem_Free(out);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t index = 0; index < count; index++) {
        if (!(mask >> index & 1)) {
            continue;
        }
        PyObject *table = PyTuple_GET_ITEM(tables, index);
        const unsigned char *blocks_of = (const unsigned char *)PyBytes_AS_STRING(table);
        const Py_ssize_t blocks = table_blocks(table, "utf8_readings");  /* (checked above) */
        if (!encodes_as_utf8(kind, data, length, blocks_of, blocks, out)) {
            continue;
        }
        PyObject *number = PyLong_FromSsize_t(index);
        PyObject *bytes = PyBytes_FromStringAndSize((const char *)out, length);
        PyObject *decoded = PyUnicode_DecodeUTF8((const char *)out, length, "strict");
        PyObject *reading = number && bytes && decoded ? PyTuple_Pack(3, number, bytes, decoded) : NULL;
        Py_XDECREF(number);
        Py_XDECREF(bytes);
        Py_XDECREF(decoded);
        if (reading == NULL || PyList_Append(readings, reading) < 0) {
            Py_XDECREF(reading);
            Py_DECREF(readings);
            PyMem_Free(out);
            return NULL;
        }
        Py_DECREF(reading);
    }
    PyMem_Free(out);
    return readings;
}

/* Four byte tables of the Basic Multilingual Plane (the low byte's first) as one of
 * 32-bit words in the machine's byte order, each code point's four bytes side by side:
 * the tables screen_may_match and mask_all read (one read a code point, not four).
 * Python interleaved them by extended slices, a byte at a time: 2.4M instructions each,
 * at a process's first call. */
static PyObject *words_of_planes(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    int fit = nargs == 4;
    for (Py_ssize_t index = 0; fit && index < 4; index++) {
        fit = PyBytes_Check(args[index]) && PyBytes_GET_SIZE(args[index]) == TABLE_SIZE;
    }
    if (!fit) {
        PyErr_SetString(PyExc_TypeError, "words_of_planes: four bytes objects of 65,536 bytes each");
        return NULL;
    }
    const unsigned char *plane0 = (const unsigned char *)PyBytes_AS_STRING(args[0]);
    const unsigned char *plane1 = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    const unsigned char *plane2 = (const unsigned char *)PyBytes_AS_STRING(args[2]);
    const unsigned char *plane3 = (const unsigned char *)PyBytes_AS_STRING(args[3]);
    PyObject *words = PyBytes_FromStringAndSize(NULL, TABLE_SIZE * (Py_ssize_t)sizeof(uint32_t));
    if (words == NULL) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(words);
    for (size_t point = 0; point < TABLE_SIZE; point++) {
        uint32_t word = (uint32_t)plane0[point] | (uint32_t)plane1[point] << 8 | (uint32_t)plane2[point] << 16 |
                        (uint32_t)plane3[point] << 24;
        memcpy(out + point * sizeof(uint32_t), &word, sizeof(uint32_t));
    }
    return words;
}

static PyMethodDef scan_methods[] = {
    {"screen_may_match", (PyCFunction)(void (*)(void))screen_may_match, METH_FASTCALL,
     "The searches a Screen's tables say may match in the text: bit i for the i-th."},
    {"automata_may_hold_words", (PyCFunction)(void (*)(void))automata_may_hold_words, METH_FASTCALL,
     "The codepages through which the text's bytes may hold a word of UTF-8: bit k for the k-th."},
    {"mask_all", (PyCFunction)(void (*)(void))mask_all, METH_FASTCALL,
     "The mask ANDed with the table's word of every character beyond ASCII (0 past the table)."},
    {"words_of_planes", (PyCFunction)(void (*)(void))words_of_planes, METH_FASTCALL,
     "Four byte tables by code point as one table of 32-bit words, in the machine's byte order."},
    {"encoding_table_of", (PyCFunction)(void (*)(void))encoding_table_of, METH_FASTCALL,
     "The encoding table of characters that encode as the bytes given, one for one."},
    {"encode_through", (PyCFunction)(void (*)(void))encode_through, METH_FASTCALL,
     "The text's bytes through a codepage's encoding table, or None where a character has none."},
    {"utf8_readings", (PyCFunction)(void (*)(void))utf8_readings, METH_FASTCALL,
     "(index, bytes, decoded) for each table of the mask through which the text encodes into UTF-8."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT, "textfix._scan", "textfix's loops over code points, in C.", -1, scan_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__scan(void) {
    PyObject *module = PyModule_Create(&scan_module);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(module, "STATES", STATES) < 0 || PyModule_AddIntConstant(module, "FOUND", FOUND) < 0 ||
        PyModule_AddIntConstant(module, "MOST_AUTOMATA", MOST_AUTOMATA) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
