/* bad.c — each marked line breaks the house style; check-format.py must
 * report every one of them and nothing else. */

static int
count_twice (int n) {                /* BAD: brace on the line of the name */
  int total = 0;

  for (int i = 0; i < n; i++) {      /* BAD: brace on the line of the for */
      total += 2;
    }
  if(total > 10)                     /* BAD: no space before the parenthesis */
    {
      total = 10;
    }
    return total;                    /* BAD: indented by 4 */
}

static int count_once (int n)        /* BAD: return type on the line of the name */
{
  return n;
}
