/* ra-ping.c and ra-pong.c call each other. */
int ra_pong (int n);

int
ra_ping (int n)
{
  return n > 0 ? ra_pong (n - 1) : 0;
}
