package ganstudio.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

import ganstudio.config.UserError;

/** Turns the device key (auto, cpu, gpu, gpu:N) into a DJL device, with a clear error when a GPU is missing. */
public final class Devices {

    private Devices() {}

    public static Device resolve(String name) {
        int gpus = Engine.getInstance().getGpuCount();
        if ("auto".equals(name)) {
            return gpus > 0 ? Device.gpu() : Device.cpu();
        }
        if ("cpu".equals(name)) {
            return Device.cpu();
        }
        int index = name.contains(":") ? Integer.parseInt(name.substring(name.indexOf(':') + 1)) : 0;
        if (gpus == 0) {
            throw new UserError("device = " + name + ": PyTorch sees no GPU here (this build carries the CPU "
                    + "natives; build with `mvn -Pcuda package` on a machine with an NVIDIA driver), or use "
                    + "--device cpu or auto");
        }
        if (index >= gpus) {
            throw new UserError("device = " + name + ": only " + gpus + " GPU(s) visible, numbered 0 to " + (gpus - 1));
        }
        return Device.gpu(index);
    }

    /** Human-readable name: "cpu (2 threads)" or "gpu:0". */
    public static String describe(Device d) {
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        return d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu (" + threads + (threads == 1 ? " thread)" : " threads)");
    }
}
