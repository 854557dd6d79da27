int ra_ping (int n);

int
ra_pong (int n)
{
  return n > 0 ? ra_ping (n - 1) : 1;
}
