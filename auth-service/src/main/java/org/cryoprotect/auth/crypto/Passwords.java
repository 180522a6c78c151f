package org.cryoprotect.auth.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt (cost 10) for people's passwords. Slow on purpose: call it on a worker thread. */
public final class Passwords {

    private static final int COST = 10;
    /** Verified against when the account does not exist, so unknown users take as long as known ones. */
    private static final String DUMMY = BcryptUtil.bcryptHash("not a real password, only for timing", COST);

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    public static boolean matches(String password, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash == null ? DUMMY : hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            boolean valid = factory.verify(factory.translate(stored), password.toCharArray());
            return valid && hash != null;
        } catch (InvalidKeySpecException | java.security.InvalidKeyException | NoSuchAlgorithmException e) {
            return false;
        }
    }
}
