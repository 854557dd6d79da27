/* Only the secret store sees the keyring's library. */
#include <libsecret/secret.h>
