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
            String cuda = NativeBuild.current().cudaFlavor();
            throw new UserError("device = " + name + ": PyTorch sees no GPU here (" + (cuda == null
                    ? "this build carries the CPU natives only; build with `mvn -Pcuda -DskipTests package` on a "
                            + "machine with an NVIDIA driver"
                    : "this is the CUDA build (" + cuda + " natives), but no NVIDIA driver shows a GPU: check "
                            + "`nvidia-smi`; CUDA 12.4 needs driver 525.60 or newer") + "), or use --device cpu or auto");
        }
        if (index >= gpus) {
            throw new UserError("device = " + name + ": only " + gpus + " GPU(s) visible, numbered 0 to " + (gpus - 1));
        }
        return Device.gpu(index);
    }

    /**
     * Human-readable name: "cpu (2 threads)" or "gpu:0"; on the CUDA build without a GPU the CPU's name says that
     * it fell back, so the console, the studio and run.json show why a GPU build runs slowly.
     */
    public static String describe(Device d) {
        if (d.isGpu()) {
            return "gpu:" + d.getDeviceId();
        }
        int threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        String cpu = "cpu (" + threads + (threads == 1 ? " thread" : " threads");
        String cuda = NativeBuild.current().cudaFlavor();
        if (cuda != null && Engine.getInstance().getGpuCount() == 0) {
            cpu += "; CUDA build (" + cuda + "), but no GPU is visible: running on the CPU";
        }
        return cpu + ")";
    }
}
